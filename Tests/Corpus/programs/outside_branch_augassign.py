# OUTSIDE SUBSET: `a += [x]` (same list, in place) on one branch, `a = a + [x]` (a new list) on the other.
import math

a = [1]
alias = a
x = [2]
if math.trunc(2.7) == 2:
    a += [x]
else:
    a = a + [x]
b = a
if math.trunc(-2.7) == -3:
    b += [x]
else:
    b = b + [x]
print(len(a), len(alias), len(b), a is alias)
