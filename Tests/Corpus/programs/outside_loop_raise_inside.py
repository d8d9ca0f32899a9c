import json
items = json.loads("[1, 2, 3]")
ok = []
for x in items:
    t = [x]
    if x > 5:
        raise ValueError("big")
    ok.append(t)
res = ok
print(len(res))
