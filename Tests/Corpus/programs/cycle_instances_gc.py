# Instances pointing at each other, one cycle collected explicitly, another left as garbage.
import gc


class Peer:
    def __init__(self, name):
        self.name = name
        self.other = None


a = Peer("a")
b = Peer("b")
a.other = b
b.other = a
del a, b
n = gc.collect()
c = Peer("c")
c.other = c
d = [c]
del c
d.clear()
print(n > 0)
