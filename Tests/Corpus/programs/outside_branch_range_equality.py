# OUTSIDE SUBSET: a condition on range equality (by value, not identity) decides which branch aliases a list.
x = [1]
hold = []
if range(0, 3) == range(0, 3):
    hold.append(x)
else:
    hold.append(hold)
if range(1, 1) == range(5, 2):
    y = x
print(len(hold), y is x)
