# OUTSIDE SUBSET: a list is made to contain itself on one branch only; later it becomes garbage.
import os

a = [1]
b = [2]
if os.environ.get("RC_LSP_NEVER_SET", "x") == "x":
    a.append(a)
else:
    b.append(b)
c = [a, b]
del a
c.pop(0)
del c
print(b)
