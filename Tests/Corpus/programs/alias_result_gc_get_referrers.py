import gc
x = [1]
lst = [x]
r = gc.get_referrers(x)
print(len(r))
