import json
grid = json.loads("[[1, 2], [3]]")
rows = []
for r in grid:
    row = []
    for v in r:
        cell = [v]
        row.append(cell)
    rows.append(row)
total = rows
print(len(total))
