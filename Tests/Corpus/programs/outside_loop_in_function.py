import json

def collect(items, sink):
    acc = []
    for x in items:
        node = {"v": x}
        acc.append(node)
        if x > 1:
            sink.append(node)
    return acc

sink = []
got = collect(json.loads("[1, 2, 3]"), sink)
again = collect(json.loads("[]"), sink)
print(len(got), len(sink), len(again))
