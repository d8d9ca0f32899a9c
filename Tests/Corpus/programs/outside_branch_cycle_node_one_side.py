# OUTSIDE SUBSET: node.next = node on one branch only (a self cycle through an attribute).
import json


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


flags = json.loads("[1, 2]")
n = Node([1])
m = Node([2])
if flags[0] == 1:
    n.next = n
else:
    n.next = m
m.next = n
head = m
del n
print(head.next.value)
