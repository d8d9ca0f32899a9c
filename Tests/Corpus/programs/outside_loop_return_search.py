# OUTSIDE SUBSET: a search loop over an unknown iterable returns from inside on some iteration.
def find(items, key):
    for x in items:
        hit = [x]
        if x == key:
            return hit
    miss = []
    return miss

import json
r = find(json.loads("[1, 2]"), 2)
s = r
