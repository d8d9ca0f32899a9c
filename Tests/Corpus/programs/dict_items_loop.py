# Iterating a dict's items: the items iterator holds the dict until it is exhausted.
groups = {"x": [1], "y": [2]}
seen = []
for key, members in groups.items():
    seen.append(members)
for key in groups:
    current = groups[key]
total = len(seen)
print(total, current)
