# An object appended to its own attribute list: a cycle through the list; then broken by clear().
class Bag:
    def __init__(self):
        self.items = []


b = Bag()
b.items.append(b)
alias = b.items
del b
alias.clear()
print(len(alias))
