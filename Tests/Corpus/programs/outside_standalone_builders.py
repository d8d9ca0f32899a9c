# OUTSIDE SUBSET: functions that build, loop and branch, called with values from json: their hints when run on their own are checked too.
import json

def build(rows, key):
    seen = []
    for row in rows:
        item = [row]
        pair = (item, item)
        seen.append(item)
    if key:
        chosen = seen
    else:
        chosen = []
    result = chosen
    alias = result
    return alias

def index(rows):
    table = {}
    keys = []
    for r in rows:
        bucket = [r]
        table[r] = bucket
        keys.append(bucket)
    total = keys
    return total

def nested(n):
    out = []
    while n:
        tmp = [n]
        out.append(tmp)
        n = n - 1
    again = out
    return again

a = build(json.loads("[1, 2, 3]"), json.loads("1"))
b = build(json.loads("[]"), json.loads("0"))
c = index(json.loads("[4, 5]"))
d = nested(json.loads("3"))
print(len(a), len(b), len(c), len(d))
