# zip and enumerate reuse their result tuple: the last items stay referenced until the next step.
names = ["a", "b", "c"]
rows = [[1], [2], [3]]
pairs = []
for i, row in enumerate(rows):
    pairs.append(row)
for name, row in zip(names, rows):
    last = row
del row
print(len(pairs), last)
