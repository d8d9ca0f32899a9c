# OUTSIDE SUBSET: an early return on one branch of a function; the rest of the body runs on the other.
import math


def grab(src, limit):
    got = [src]
    if limit < 2:
        return got
    got.append(src)
    got.append(got)
    return got


data = [1]
r1 = grab(data, math.sqrt(2.0))
r2 = grab(data, math.sqrt(9.0))
r1 = None
print(len(r2))
