# OUTSIDE SUBSET: a for loop over range(3) with an if on random inside (2**3 paths).
import random

random.seed(7)
shared = [1]
box = []
other = []
for i in range(3):
    if random.random() < 0.5:
        box.append(shared)
    else:
        other.append([i])
        alias = shared
result = [box, other]
print(len(box), len(other))
