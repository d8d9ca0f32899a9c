# Container reprs call __repr__ of their items; dict repr holds each key and value, set repr a temporary list.
class A:
    def __init__(self, items):
        self.items = items

    def __repr__(self):
        return "A(%d)" % len(self.items)

    def __str__(self):
        return self.describe()

    def describe(self):
        parts = [str(len(self.items))]
        return "".join(parts)


class B:
    def __repr__(self):
        return "B"


box = [1]
a = A(box)
b = B()
print(a, sep="-")
print(f"{a!r} {b!s} {a!s}")
print({"k": a, "b": b})
print((a, b), {b})
x = str(b)
y = f"{b}"
z = [b, a]
print(z)
