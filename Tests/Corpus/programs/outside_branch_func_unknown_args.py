# OUTSIDE SUBSET: ifs inside a function called from module code with values of unknown imports.
import math
import os


def place(target, item, flag):
    if flag:
        target.append(item)
        keep = item
    else:
        keep = [item]
    return keep


out = []
thing = [1]
r1 = place(out, thing, os.environ.get("RC_LSP_NEVER_SET"))
r2 = place(out, thing, math.isfinite(1.5))
r3 = place(out, r1, math.isnan(1.5))
print(len(out), r1, r2 is thing)
