# OUTSIDE SUBSET: recursion whose depth depends on a parsed value; each level appends the same list.
import json


def walk(n, acc, item):
    if n <= 0:
        return acc
    acc.append(item)
    return walk(n - 1, acc, item)


depth = json.loads("3")
thing = [1]
out = walk(depth, [], thing)
out2 = walk(json.loads("0"), out, thing)
print(len(out), out2 is out)
