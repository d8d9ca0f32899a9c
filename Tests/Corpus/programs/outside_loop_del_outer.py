import json
items = json.loads("[1, 2]")
a = [1]
b = a
for x in items:
    tmp = [x]
    del b
    b = tmp
c = a
print(len(c))
