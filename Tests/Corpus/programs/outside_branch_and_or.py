# OUTSIDE SUBSET: `and` / `or` on unknown values return one of their operands (the object itself).
import os
import json

env = os.environ.get("RC_LSP_NEVER_SET")
parsed = json.loads("[1, 2]")
empty = json.loads("[]")
a = [1]
x = env or a
y = parsed and a
z = empty or parsed
w = empty and parsed
v = env or empty or a
keep = [x, y, z, w, v]
print(keep)
