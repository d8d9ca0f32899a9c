# OUTSIDE SUBSET: __del__ is assigned to the class after its creation; the branch that drops the instance runs it.
log = []
payload = [1]


class R:
    pass


def fin(self):
    log.append(payload)


R.__del__ = fin
r = R()
if len(log) == 0:
    r = None
q = payload
print(len(log))
