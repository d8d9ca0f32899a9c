# OUTSIDE SUBSET: comprehensions over an unknown iterable make new containers, counted exactly.
import json
items = json.loads("[1, 2, 3]")
base = [0]
squares = [x * x for x in items]
pairs = {x: base for x in items}
wrapped = [[x] for x in items]
nested = [y for x in [items] for y in x]
keep = squares
b = base
w = wrapped
print(len(keep), len(pairs), len(w), len(nested))
