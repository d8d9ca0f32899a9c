# OUTSIDE SUBSET: conditional expressions `a if c else b` on unknown values pick which object is bound.
import os
import sys

a = [1]
b = [2]
c = a if os.environ.get("RC_LSP_NEVER_SET") else b
d = [a] if len(sys.argv) == 1 else [b]
e = (a, c) if "12".isdigit() else None
f = b if e is None else e[0]
g = None if c is b else c
print(c, d, e, f, g)
