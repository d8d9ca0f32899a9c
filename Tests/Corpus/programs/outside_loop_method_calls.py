import json

class Box:
    def __init__(self):
        self.items = []
    def put(self, v):
        self.items.append(v)

box = Box()
for x in json.loads("[1, 2]"):
    v = [x]
    box.put(v)
w = box
print(len(w.items))
