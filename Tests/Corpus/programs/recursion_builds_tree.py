# Recursion that builds nested lists; each level's result is returned and stored by its caller.
def build(depth, leaf):
    if depth == 0:
        return leaf
    inner = build(depth - 1, leaf)
    return [inner, depth]


seed = [0]
tree = build(2, seed)
print(tree)
