# Keyword arguments to a constructor: kwargs dict plus an unpacked copy hold them during __init__.
class Box:
    def __init__(self, item, label=None):
        self.item = item
        self.label = label


thing = [1]
tag = ["t"]
b1 = Box(thing, label=tag)
b2 = Box(item=thing)
b3 = Box(thing)
print(b1.label is tag, b2.item is thing, b3.label)
