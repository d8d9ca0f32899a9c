import json
data = json.loads("[[1, 2], [3, 4]]")
keep = []
for d in data:
    sq = [y * y for y in d]
    keep.append(sq)
    fresh = [sq]
z = keep
print(len(z))
