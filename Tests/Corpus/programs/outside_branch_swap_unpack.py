# OUTSIDE SUBSET: tuple swaps and unpacking on one branch of a condition on str.isdigit().
import os

a = [1]
b = [2]
s = os.environ.get("RC_LSP_NEVER_SET", "42")
if s.isdigit():
    a, b = b, a
if s.isalpha():
    b, c = a, b
else:
    c, *rest = [a, b, a]
pair = (a, b, c)
print(pair, rest)
