# OUTSIDE SUBSET: a loop over unknown data compares with program objects whose __eq__ has side effects.
import json


class Thing:
    def __eq__(self, other):
        victim.append(other)
        return False

    __hash__ = object.__hash__


victim = []
keep = [1]
items = [Thing(), Thing()]
data = json.loads("[1, 2]")
last = None
for x in data:
    obj = items[x - 1]
    if obj == keep:
        pass
    last = obj
for y in data:
    if last == keep:
        pass
    cmp = y > 1
z = keep
n = len(victim)
print(n)
