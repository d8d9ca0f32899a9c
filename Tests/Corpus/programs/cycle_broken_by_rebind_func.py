# A cycle made in a function is broken when an attribute is rebound before returning.
class Pair:
    def __init__(self):
        self.other = None


def make():
    a = Pair()
    b = Pair()
    a.other = b
    b.other = a
    b.other = None
    return a


x = make()
y = make()
z = x.other
del x
print(z.other, y)
