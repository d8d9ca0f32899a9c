# @staticmethod and @classmethod: called through the class, an instance, or a bound name.
class Registry:
    count = 0

    def __init__(self):
        self.items = []

    @staticmethod
    def make(x):
        return [x]

    @classmethod
    def build(cls, seed):
        inst = cls()
        inst.items.append(seed)
        return inst

    def add(self, v):
        self.items.append(Registry.make(v))
        return self


seed = [1]
r = Registry.build(seed)
r2 = r.build([2])
one = Registry.make(seed)
two = r.make(seed)
m = Registry.make
bm = r.build
r.add(seed)
print(len(r.items), one, two, m, bm)
