# OUTSIDE SUBSET: a function returns a parameter or a fresh object depending on hash() of its int argument.
def choose(a, b, n):
    if hash(n) % 2 == 0:
        return a
    elif hash(n) % 3 == 0:
        return b
    return [a, b]


x = [1]
y = [2]
r1 = choose(x, y, 4)
r2 = choose(x, y, 9)
r3 = choose(x, y, 7)
r4 = choose(r3, r3, 7)
print(r1 is x, r2 is y, len(r3), len(r4))
