# OUTSIDE SUBSET: a name is deleted on one branch of an if without calls; the deleted list held others.
import os

inner = [1]
outer = [inner, inner]
alias = outer
box = [alias]
flag = os.environ.get("RC_LSP_NEVER_SET", "y")
if flag:
    del outer
    del alias
    box = flag
else:
    inner = box
x = inner
print(x, box)
