# OUTSIDE SUBSET: b = a on one branch only, then both names are used, rebound and deleted.
import sys

a = [1, 2, 3]
b = [4]
if len(sys.argv) == 1:
    b = a
c = [b]
a = [5]
holder = {"b": b}
del b
print(c, holder)
