# OUTSIDE SUBSET: `if x is None: x = []` on default parameters, called with and without an argument.
import os


def collect(value, acc=None):
    if acc is None:
        acc = []
    acc.append(value)
    return acc


def pick(first=None, second=None):
    if first is None:
        first = second
    return first


item = [1]
a = collect(item)
b = collect(item, a)
c = collect(os.environ.get("RC_LSP_NEVER_SET"), b)
p = pick(None, item)
q = pick(os.environ.get("RC_LSP_NEVER_SET"), a)
print(len(a), p is item, q is a, c is a)
