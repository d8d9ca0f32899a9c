# OUTSIDE SUBSET: nested ifs on unknown values; the inner branches alias, append and rebind.
import random
import sys

random.seed(7)
x = [1]
y = [2]
store = []
if len(sys.argv) > 0:
    if random.random() > 0.9:
        store.append(x)
        y = x
    else:
        store.append(y)
        if random.random() < 0.5:
            store.append(store)
        else:
            x = y
else:
    store = [x, y]
z = [x, y, store]
print(len(store), len(z))
