# *rest and **opts parameters: each call packs the extra arguments into a new tuple and a new dict.
def pack(first, *rest, **opts):
    bag = [first, rest, opts]
    return bag


a = [1]
b = [2]
r1 = pack(a)
r2 = pack(a, b, a)
r3 = pack(b, key=a, other=b)
print(len(r1), len(r2), len(r3))
