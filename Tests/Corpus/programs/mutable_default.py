# A mutable default lives in the function's __defaults__: every call without the argument shares it.
def add(item, bucket=[]):
    bucket.append(item)
    return bucket


x = [1]
r1 = add(x)
r2 = add([2])
r3 = add(x, [])
print(len(r1), r1 is r2, len(r3))
