# OUTSIDE SUBSET: assert on unknown values; one holds, one fails inside a function and is caught.
import math
import os


def need(x, out):
    out.append(x)
    assert x is not None, "missing"
    out.append(out)
    return x


box = []
val = [math.floor(2.5)]
assert math.isfinite(2.5)
r = need(val, box)
try:
    need(os.environ.get("RC_LSP_NEVER_SET"), box)
except AssertionError:
    r2 = [r]
print(len(box), r is val)
