# print(), str() and f-strings run __str__/__repr__: print packs its arguments into a tuple first.
class P:
    def __init__(self, v):
        self.v = v

    def __str__(self):
        return "P" + str(len(self.v))


class Q:
    def __repr__(self):
        return "Q!"


data = [1]
p = P(data)
q = Q()
print(p, q, data)
s = f"<{p}>"
t = str(p)
print([q])
