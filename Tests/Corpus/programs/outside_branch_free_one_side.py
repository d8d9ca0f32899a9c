# OUTSIDE SUBSET: an object is freed on one branch only; its weakref callback then stores another object.
import os
import weakref

graveyard = []
payload = [1]


def on_death(ref):
    graveyard.append(payload)


class Thing:
    pass


t = Thing()
r = weakref.ref(t, on_death)
keep = [t]
flag = os.environ.get("RC_LSP_NEVER_SET", "y")
if flag:
    t = payload
    keep = None
q = payload
print(len(graveyard), q, keep)
