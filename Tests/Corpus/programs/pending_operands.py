# Operands already evaluated sit on the caller's stack while a nested call runs.
def wrap(x):
    return [x]


def ident(v):
    return v


a = [1]
pair = [a, ident(a)]
w = wrap(wrap(a))
s = (a, ident(pair))
print(len(pair), w, s)
