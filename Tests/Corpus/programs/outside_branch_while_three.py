# OUTSIDE SUBSET: a while loop on unknown values that runs three times, each time appending and rebinding.
import json

todo = json.loads("[3, 2, 1]")
seen = []
cur = [0]
while todo:
    k = todo.pop()
    seen.append(cur)
    if k == 2:
        cur = [k]
keep = cur
print(len(seen), keep)
