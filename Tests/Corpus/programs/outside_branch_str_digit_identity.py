# OUTSIDE SUBSET: str(7) is a new string, not the cached one-character "7"; an `is` test on it picks a branch.
seven = "7"
made = str(7)
x = [1]
hold = []
if made is seven:
    hold.append(x)
else:
    hold.append(hold)
print(len(hold), made == seven)
