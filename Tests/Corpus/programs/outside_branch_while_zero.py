# OUTSIDE SUBSET: a while loop whose unknown condition is false at once (the body never runs).
import os

n = len(os.environ.get("RC_LSP_NEVER_SET", ""))
item = [1]
out = []
while n > 0:
    out.append(item)
    item = [n]
    n -= 1
last = item
print(len(out), last)
