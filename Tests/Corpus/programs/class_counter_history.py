# A class counter attribute, default-None parameters replaced by new lists, dicts stored per call.
class Account:
    total = 0

    def __init__(self, owner, history=None):
        self.owner = owner
        self.history = history if history is not None else []
        Account.total += 1

    def deposit(self, amount):
        entry = {"amount": amount, "by": self.owner}
        self.history.append(entry)
        return entry


alice = ["alice"]
acct = Account(alice)
e1 = acct.deposit(10)
e2 = acct.deposit(1000)
shared = []
a2 = Account(["bob"], shared)
a3 = Account(["carol"], shared)
a2.deposit(5)
n = Account.total
owners = [a.owner for a in (acct, a2, a3)]
del acct
print(n, owners, len(shared), e1, e2)
