# OUTSIDE SUBSET: 3 ifs in sequence on random values (8 paths); each appends, aliases or rebinds.
import random

random.seed(7)
a = [1]
b = [2]
box = []
if random.random() < 0.5:
    box.append(a)
else:
    box.append(b)
if random.random() < 0.5:
    c = a
else:
    c = b
if random.random() < 0.5:
    a = [3]
else:
    b.append(a)
d = [a, b, box]
print(len(box), len(d))
