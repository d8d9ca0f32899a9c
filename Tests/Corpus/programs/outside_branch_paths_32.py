# OUTSIDE SUBSET: 5 ifs in sequence on random values (32 paths); each appends, aliases or rebinds.
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
if random.random() < 0.5:
    box.append(box)
else:
    box.append([b])
if random.random() < 0.5:
    b = c
else:
    del c
d = [a, b, box]
print(len(box), len(d))
