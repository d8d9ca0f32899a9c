# OUTSIDE SUBSET: a list only used as a method receiver in a loop over unknown items; it also pops.
import json
items = json.loads("[1, 2, 3]")
a = [0]
out = [a]
for x in items:
    out.append([x])
    if x > 1:
        out.pop()
keep = out
b = a
print(len(keep))
