# OUTSIDE SUBSET: if/elif/else on os.environ values; the branches bind and rebind names to fresh lists.
import os

mode = os.environ.get("RC_LSP_NEVER_SET")
a = [1]
b = [2]
if mode == "x":
    a = [10]
    c = b
elif mode:
    b = [20]
    c = a
else:
    c = [a, b]
    a = [30]
d = [a, b, c]
print(len(d), c)
