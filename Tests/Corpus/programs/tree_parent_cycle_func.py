# Parent/child links built by a method form cycles; dropping the root leaves garbage.
class Tree:
    def __init__(self, name):
        self.name = name
        self.kids = []
        self.parent = None

    def add(self, kid):
        kid.parent = self
        self.kids.append(kid)
        return kid


root = Tree("r")
leaf = root.add(Tree("l"))
other = root.add(Tree("o"))
del leaf
del root
keep = other
del other
print(keep.parent.name)
