# OUTSIDE SUBSET: instance attributes that exist only when an unknown condition held; a class attribute too.
import os


class Rec:
    tag = None

    def __init__(self, value, flag):
        self.value = value
        if flag:
            self.copy = value
            Rec.tag = value


v = [1]
r1 = Rec(v, os.environ.get("RC_LSP_NEVER_SET"))
r2 = Rec(v, "12".isdigit())
r3 = Rec([2], hash(5) == 5)
print(hasattr(r1, "copy"), Rec.tag is r3.value)
