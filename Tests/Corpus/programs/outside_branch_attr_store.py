# OUTSIDE SUBSET: instance attributes stored on one branch of a condition on random.random().
import random

random.seed(7)


class Box:
    def __init__(self):
        self.items = []


payload = [1]
b = Box()
if random.random() < 0.5:
    b.extra = payload
    b.items.append(payload)
else:
    b.items = [payload, payload]
spare = Box()
spare.items = b.items
print(len(b.items), hasattr(b, "extra"))
