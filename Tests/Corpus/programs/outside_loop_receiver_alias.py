# OUTSIDE SUBSET: the appended-to list has an alias that the loop stores elsewhere.
import json
items = json.loads("[1, 2]")
out = []
alias = out
hold = []
for x in items:
    out.append(x)
    hold.append(alias)
keep = out
print(len(hold))
