# Dict methods on list values: setdefault, get, pop, update, copy, items.
index = {}
a = [1]
b = [2]
index.setdefault("x", []).append(a)
index.setdefault("x", []).append(b)
got = index.get("x")
index.update({"y": a})
snapshot = index.copy()
removed = index.pop("y")
for k, v in snapshot.items():
    print(k, len(v))
print(got is index["x"], removed is a)
