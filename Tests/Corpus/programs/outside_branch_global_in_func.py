# OUTSIDE SUBSET: a function rebinds a global on one branch of a condition on its argument.
import json

registry = [0]
current = None


def install(obj, flag):
    global current
    if flag:
        current = obj
        registry.append(obj)
    else:
        registry.append([obj])


vals = json.loads("[0, 1]")
a = [1]
install(a, vals[0])
install(a, vals[1])
install([2], vals[0])
print(current is a, len(registry))
