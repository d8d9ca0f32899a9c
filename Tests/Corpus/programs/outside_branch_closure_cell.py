# OUTSIDE SUBSET: a closure's cell is rebound (nonlocal) on one branch of an unknown condition.
import random

random.seed(7)


def make():
    held = [0]

    def swap(new, p):
        nonlocal held
        if p < 0.5:
            held = new
        return held

    return swap


fn = make()
a = [1]
r1 = fn(a, random.random())
r2 = fn([2], random.random())
print(r1 is a, r2 is a)
