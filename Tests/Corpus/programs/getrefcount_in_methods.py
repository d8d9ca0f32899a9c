# sys.getrefcount inside methods and loops (the untraced run prints the ground truth).
import sys


class Holder:
    def __init__(self, obj):
        self.obj = obj
        print("RC", "obj", sys.getrefcount(obj))

    def peek(self):
        print("RC", "self", sys.getrefcount(self))
        return self.obj


data = [1, 2]
h = Holder(data)
got = h.peek()
print("RC", "data", sys.getrefcount(data))
for x in [data, got]:
    print("RC", "x", sys.getrefcount(x))
