# __init__ calling another method, and a method returning a new instance of its class.
class Vec:
    def __init__(self, xs):
        self.reset(xs)

    def reset(self, xs):
        self.xs = xs

    def scaled(self, k):
        return Vec([x * k for x in self.xs])


base = [1, 2]
v = Vec(base)
w = v.scaled(3)
print(w.xs, v.xs is base)
