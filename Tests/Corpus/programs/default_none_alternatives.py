# A parameter with a None default is sometimes an object, sometimes the shared None.
def link(value, nxt=None):
    cell = [value, nxt]
    return cell


tail = link([1])
head = link([2], tail)
again = link([3], head)
print(len(again))
