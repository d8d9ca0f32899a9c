# OUTSIDE SUBSET: a loop over a known list whose iterations cannot all be followed returns from inside.
import json

def first_big(items, limit):
    for x in items:
        box = [x]
        if x > limit:
            return box
    return None

found = first_big([1, 5, 9], json.loads("4"))
alias = found
print(alias)
