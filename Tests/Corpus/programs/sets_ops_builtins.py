# Set operators on instances, enumerate with a start, isinstance with a tuple, getattr/setattr/hasattr.
class T:
    pass


a = T()
b = T()
c = T()
s1 = {a, b, 1}
s2 = {b, c, 2}
u = s1 | s2
i = s1 & s2
d = s1 - s2
x = s1 ^ s2
s1 |= {c}
for n, obj in enumerate([a, b], 1):
    last = obj
ok = isinstance(a, (list, T))
has = hasattr(a, "missing")
setattr(a, "tag", [5])
tag = getattr(a, "tag")
print(len(u), len(i), len(d), len(x), ok, has, tag)
