# OUTSIDE SUBSET: a two-list cycle is made, and only one branch drops its last outside name (garbage there).
import gc
import random

random.seed(7)
a = []
b = [a]
a.append(b)
keep = None
if random.random() > 0.5:
    keep = a
del a, b
n = gc.collect()
c = [keep]
print(n, c)
