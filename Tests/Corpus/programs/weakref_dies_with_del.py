# A weak reference sees its object die when the last strong reference goes.
import weakref


class Res:
    def __init__(self, tag):
        self.tag = tag


r1 = Res([1])
w = weakref.ref(r1)
alive = w()
del alive
holder = [r1]
del r1
still = w() is not None
holder.clear()
gone = w() is None
print(still, gone)
