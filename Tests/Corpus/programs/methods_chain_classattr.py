# Methods returning self, class attributes read through instances, nested calls between methods.
class Node:
    kind = "node"

    def __init__(self, value):
        self.value = value
        self.children = []

    def add(self, child):
        self.children.append(child)
        return self

    def first(self):
        return self.children[0]


root = Node([0])
leaf = Node([1])
root.add(leaf).add(Node([2]))
f = root.first()
k = root.kind
print(f is leaf, k, len(root.children))
