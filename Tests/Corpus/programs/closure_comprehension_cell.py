# A comprehension inside a function that reads a local makes that local a cell.
def scale(values, factor):
    base = [factor]
    out = [v * base[0] for v in values]
    return out, base


nums = [1, 2, 3]
res, b = scale(nums, 2)
print(res, b)
