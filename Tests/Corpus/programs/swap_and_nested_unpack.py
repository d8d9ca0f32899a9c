# Swaps, nested unpacking and starred targets move references without copying objects.
x = [1]
y = [2]
x, y = y, x
pair = (x, [y, [3]])
(p, (q, r)) = pair
head, *tail = [x, y, r]
del pair
print(p is y, q is x, len(tail))
