# OUTSIDE SUBSET: a with-statement whose body calls a function that rebinds a global.
class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


state = [0]
keep = state


def reset():
    global state
    state = [1]


with Ctx() as c:
    reset()
after = state
more = [keep, after]
print(more, c)
