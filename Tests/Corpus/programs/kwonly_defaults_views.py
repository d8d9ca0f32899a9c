# Keyword-only parameters with mutable defaults, dict views turned into lists, tuples built in a comprehension.
def build(a, b=None, *, tag=[0], extra=None):
    out = [a, b, tag]
    if extra is not None:
        out.append(extra)
    return out


x = [1]
y = [2]
r1 = build(x)
r2 = build(x, y, tag=y)
r3 = build(a=y, extra=x)
lookup = {k: [k] for k in range(2)}
vals = list(lookup.values())
keys = sorted(lookup)
pairs = [(k, v) for k, v in lookup.items()]
first = pairs[0][1]
print(r1, r2, r3, vals, keys, first)
