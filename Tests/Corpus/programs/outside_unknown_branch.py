# OUTSIDE SUBSET: a condition on a value the analysis cannot know decides which alias is made.
import os

a = [1]
b = [2]
if os.environ.get("RC_LSP_NEVER_SET"):
    c = a
else:
    c = b
d = [c]
e = a
print(d, e)
