# Closures made in a loop inside a function share one cell per call; a comprehension of lambdas.
def makers(n):
    fns = []
    for i in range(n):
        box = [i]
        fns.append(lambda: box)
    return fns


fs = makers(2)
got = fs[0]()
same = got is fs[1]()


def adders():
    return [lambda x: x + k for k in range(2)]


ad = adders()
print(same, len(ad))
