import weakref
class T:
    pass
o = T()
r1 = weakref.ref(o)
r2 = weakref.ref(o)
