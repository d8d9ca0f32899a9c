# Deleting attributes and slices drops exactly the references they held.
class Rec:
    pass


r = Rec()
big = [[0], [1], [2], [3]]
r.a = big[0]
r.b = big
keep = big[1]
del r.a
del big[0:2]
del r.b
tail = big[-1]
print(len(big), keep, tail)
