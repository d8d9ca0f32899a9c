# A tour of CPython reference counting: run `rc-lsp annotate examples/tour.py`.

# Names are references; the list lives on the heap.
a = [1, 2, 3]
b = a
c = a
del b
del c
del a

# Containers hold references too.
row = [0, 0]
grid = [row, row]
del row


def longest(first, second):
    # Parameters are references: each argument gains one while the call runs.
    if len(first) >= len(second):
        return first
    return second


names = ["ada", "grace"]
more = ["alan", "barbara", "edsger"]
best = longest(names, more)


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


head = Node(1)
tail = Node(2)
head.next = tail
tail.next = head
del head
del tail
