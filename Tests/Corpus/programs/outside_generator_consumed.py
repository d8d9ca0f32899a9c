# OUTSIDE SUBSET: a generator consumed by list(); objects it yields end up in the new list.
def produce(src):
    for x in src:
        yield x


data = [[1], [2]]
out = list(produce(data))
again = [y for y in out]
first = out[0]
print(len(again), first)
