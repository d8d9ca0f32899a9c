# reversed() over tuples and ranges, sorted/sort with reverse=True, len of a dict view.
a = [3]
b = [1]
c = [2]
nums = [5, 1, 4]
order = sorted(nums, reverse=True)
up = sorted(nums)
trip = (a, b, c)
back = []
for item in reversed(trip):
    back.append(item)
for i in reversed(range(3)):
    last = i
d = {"x": a}
n = len(d.keys())
nums.sort(reverse=True)
print(order, up, back, last, n, nums)
