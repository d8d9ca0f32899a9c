# OUTSIDE SUBSET: objects with __del__ joined in a cycle on one branch; the other branch frees them by refcount.
import gc
import os

log = []


class Res:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        log.append(self.name)


x = Res("x")
y = Res("y")
if os.environ.get("RC_LSP_NEVER_SET", "a") == "a":
    x.peer = y
    y.peer = x
else:
    x.peer = [y]
del x, y
mid = list(log)
gc.collect()
print(mid, log)
