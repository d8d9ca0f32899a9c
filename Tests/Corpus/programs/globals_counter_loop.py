# A global list mutated from a function called in a loop; the function rebinds another global.
registry = []
last = None


def register(obj):
    global last
    registry.append(obj)
    last = obj
    return len(registry)


for i in range(3):
    item = [i]
    count = register(item)
del item
print(count, last)
