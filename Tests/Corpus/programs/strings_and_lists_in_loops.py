# New strings and lists made in loops; rebinding with + versus in-place +=.
words = ["alpha", "beta"]
line = ""
for w in words:
    line += w
acc = []
for w in words:
    acc = acc + [w]
grid = [[0] * 2 for _ in range(2)]
row = grid[1]
grid[1] = [9]
first = acc.pop(0)
acc.insert(0, line)
print(line, acc, row, first)
