import json
items = json.loads("[1, 2, 3]")
prev = None
head = []
for x in items:
    cur = [x]
    if prev is not None:
        prev.append(cur)
    else:
        head.append(cur)
    prev = cur
tail = prev
print(len(head))
