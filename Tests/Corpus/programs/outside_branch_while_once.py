# OUTSIDE SUBSET: a while loop whose unknown condition holds exactly once.
import sys

n = len(sys.argv)
item = [1]
out = []
while n > 0:
    out.append(item)
    out.append(out)
    item = [n]
    n -= 1
last = item
print(len(out), last)
