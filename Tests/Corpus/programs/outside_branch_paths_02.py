# OUTSIDE SUBSET: 1 if on random values (2 paths); each appends, aliases or rebinds.
import random

random.seed(7)
a = [1]
b = [2]
box = []
if random.random() < 0.5:
    box.append(a)
else:
    box.append(b)
d = [a, b, box]
print(len(box), len(d))
