# OUTSIDE SUBSET: 10 ifs in sequence (1024 paths, beyond any path budget); each may append the same list.
import random

random.seed(7)
shared = [0]
box = []
if random.random() < 0.5:
    box.append(shared)
if random.random() < 0.5:
    box.append(shared)
if random.random() < 0.5:
    box.append(shared)
if random.random() < 0.5:
    box.append(shared)
if random.random() < 0.5:
    box.append(shared)
if random.random() < 0.5:
    box.append(shared)
if random.random() < 0.5:
    box.append(shared)
if random.random() < 0.5:
    box.append(shared)
if random.random() < 0.5:
    box.append(shared)
if random.random() < 0.5:
    box.append(shared)
alias = shared
print(len(box))
