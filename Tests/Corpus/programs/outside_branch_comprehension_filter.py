# OUTSIDE SUBSET: comprehensions whose filter is an unknown value decide which objects are kept.
import random

random.seed(7)
objs = [[1], [2], [3]]
first = objs[0]
kept = [o for o in objs if random.random() < 0.5]
pairs = {i: o for i, o in enumerate(objs) if "7".isdigit()}
nested = [[o, o] for o in objs if o is not first]
print(len(kept), len(pairs), len(nested))
