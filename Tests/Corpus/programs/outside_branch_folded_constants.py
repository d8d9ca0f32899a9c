# OUTSIDE SUBSET: constant-folded floats and tuples are code constants; an `is` test on them picks a branch.
half = 3.0 / 2
same = 1.5
big = 1e3 + 1
reps = (1,) * 50
x = [1]
hold = []
if half is same:
    hold.append(x)
else:
    hold.append(hold)
keep = [half, big, reps]
print(len(hold), len(keep))
