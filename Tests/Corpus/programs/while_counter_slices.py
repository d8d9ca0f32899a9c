# A while loop with a counter, slice assignment and deletion, starred unpacking.
data = [[0], [1], [2], [3]]
keep = data[1]
i = 0
while i < 3:
    data.append(data[i])
    i += 1
data[0:2] = [keep]
del data[-2:]
first, *rest = data
print(len(data), first is keep, len(rest))
