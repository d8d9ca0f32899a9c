# nonlocal rebinding inside nested functions; the cell is shared by both inner functions.
def outer():
    items = []

    def add(v):
        items.append(v)
        return len(items)

    def swap():
        nonlocal items
        old = items
        items = [old]
        return old

    return add, swap


add, swap = outer()
val = [1]
add(val)
prev = swap()
add(val)
print(prev, val)
