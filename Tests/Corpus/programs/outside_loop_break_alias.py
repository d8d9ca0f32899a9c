import json
items = json.loads("[5, 6, 7]")
found = None
pool = [[1], [2]]
for x in items:
    probe = [x, pool]
    if x == 6:
        found = probe
        break
hold = found
print(hold is not None)
