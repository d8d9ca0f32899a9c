# Nested comprehensions and a comprehension inside a function.
grid = [[1, 2], [3, 4]]
flat = [x for row in grid for x in row]


def firsts(rows):
    return [r[0] for r in rows]


heads = firsts(grid)
lookup = {i: row for i, row in enumerate(grid)}
print(flat, heads, len(lookup))
