# OUTSIDE SUBSET: a try block rebinds names and mutates containers; later code uses old and new objects.
shared = [1]
box = [shared]
flag = None
try:
    box.append(shared)
    flag = [2]
    box.pop(0)
    del shared
except IndexError:
    pass
fresh = [3]
box.append(fresh)
alias = fresh
n = len(box)
item = box[0]
box.clear()
print(n, item, alias, flag)
