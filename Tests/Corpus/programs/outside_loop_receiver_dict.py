# OUTSIDE SUBSET: a dict filled by setdefault and get in a loop over unknown items.
import json
items = json.loads("[1, 2, 2]")
counts = {}
seen = []
for x in items:
    counts.setdefault(x, [])
    bucket = counts.get(x)
    bucket.append(x)
    seen.append(bucket)
total = counts
print(len(total), len(seen))
