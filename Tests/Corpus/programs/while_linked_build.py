# Building a linked list in a while loop, then walking it.
class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt


head = None
n = 0
while n < 3:
    head = Node([n], head)
    n += 1
node = head
total = 0
while node is not None:
    total += node.value[0]
    node = node.next
print(total)
