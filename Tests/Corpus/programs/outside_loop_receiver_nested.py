# OUTSIDE SUBSET: a loop appends through a holder's slot and stores into a dict by unknown keys.
import json
items = json.loads("[1, 2]")
inner = []
holder = [inner]
d = {}
shared = [9]
for x in items:
    holder[0].append(x)
    d[x] = shared
k = holder
m = inner
s = shared
print(len(inner), len(d))
