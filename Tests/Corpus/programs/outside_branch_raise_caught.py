# OUTSIDE SUBSET: raise on one branch inside a function; the call is wrapped in try/except at module level.
import os


def check(item, holder):
    local = [item]
    holder.append(local)
    if os.environ.get("RC_LSP_NEVER_SET") is None:
        raise ValueError("no")
    return local


held = []
obj = [1]
try:
    res = check(obj, held)
except ValueError as err:
    res = None
    saved = held[0]
after = [obj]
print(len(held), res, saved is held[0])
