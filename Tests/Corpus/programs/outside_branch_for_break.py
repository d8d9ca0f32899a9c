# OUTSIDE SUBSET: a for loop over known lists with a break on an unknown condition and an else clause.
import random

random.seed(7)
items = [[1], [2], [3], [4]]
found = None
for it in items:
    if random.random() < 0.1:
        found = it
        break
else:
    found = items[-1]
keep = [found]
for it2 in items:
    if random.randrange(10) > 4:
        break
print(keep, it, it2)
