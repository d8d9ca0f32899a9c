# OUTSIDE SUBSET: appends and item stores into containers on one branch of an unknown condition.
import math

item = [7]
lst = []
table = {}
if math.floor(math.sqrt(17)) == 4:
    lst.append(item)
    lst.append(item)
    table["k"] = item
else:
    lst.append([item])
pair = (lst, table)
table["j"] = lst
lst.append(table)
print(len(lst), len(table), pair[0] is lst)
