# OUTSIDE SUBSET: ifs inside methods, on arguments from random and on the instance's own state.
import random

random.seed(7)


class Stack:
    def __init__(self):
        self.items = []
        self.last = None

    def push(self, item, twice):
        if twice > 0.5:
            self.items.append(item)
        self.items.append(item)
        self.last = item

    def drop(self, flag):
        if flag < 0.5 and self.items:
            self.items.pop()
        else:
            self.last = None


s = Stack()
v = [1]
s.push(v, random.random())
s.push(v, random.random())
s.push([2], random.random())
s.drop(random.random())
s.drop(random.random())
print(len(s.items))
