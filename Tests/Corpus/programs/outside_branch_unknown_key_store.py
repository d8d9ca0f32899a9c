# OUTSIDE SUBSET: stores under an unknown dict key / list index may overwrite (and free) an existing value.
import os
import sys

old = [1]
d = {"a": old, "b": [2]}
key = os.environ.get("RC_LSP_NEVER_SET", "a")
d[key] = [3]
del old
lst = [[4], [5]]
first = lst[0]
lst[len(sys.argv) - 1] = d["b"]
print(d, lst, first)
