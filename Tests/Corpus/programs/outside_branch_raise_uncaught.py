# OUTSIDE SUBSET: an uncaught raise on one branch ends the program (traceback, exit 1); points before it count.
import sys


def step(x, out):
    out.append(x)
    if len(sys.argv) == 1:
        raise RuntimeError("stop")
    return out


acc = []
v = [1]
w = v
acc.append(w)
step(v, acc)
print("not reached", acc)
