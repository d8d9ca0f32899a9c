# A __del__ that only prints changes no reference: instances die as usual, cycles with them too.
import gc


class Tracer:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("bye", self.tag)


t = Tracer([1])
u = t
del t
u = None
loop = Tracer("x")
loop.self_ref = loop
del loop
n = gc.collect()
keep = Tracer("k")
print("end")
