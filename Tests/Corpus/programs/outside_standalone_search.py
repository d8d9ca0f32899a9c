# OUTSIDE SUBSET: functions that build, loop and branch, called with values from json: their hints when run on their own are checked too.
import json

def find(items, target):
    for x in items:
        box = [x]
        if x == target:
            return box
    miss = []
    other = miss
    return other

def classify(values):
    small = []
    big = []
    for v in values:
        cell = [v]
        if v > 2:
            big.append(cell)
        else:
            small.append(cell)
    both = (small, big)
    return both

r1 = find(json.loads("[1, 2, 3]"), json.loads("2"))
r2 = find(json.loads("[1]"), json.loads("9"))
r3 = classify(json.loads("[1, 3, 5]"))
print(r1, r2, r3)
