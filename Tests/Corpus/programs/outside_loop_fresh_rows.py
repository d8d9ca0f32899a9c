import json
items = json.loads("[1, 2, 3]")
out = []
for x in items:
    row = [x]
    pair = (row, row)
    out.append(row)
keep = out
print(len(keep))
