# Calling a function through its class, and a function stored on an instance.
class Tool:
    def use(self, item):
        return [item]


def helper(x):
    return x


t = Tool()
t.fn = helper
thing = [1]
r1 = Tool.use(t, thing)
r2 = t.fn(thing)
r3 = t.use(thing)
print(len(r1), r2 is thing, len(r3))
