# A with statement on a plain context manager: the bound __exit__ waits on the stack during the body.
class Managed:
    def __init__(self):
        self.log = []

    def __enter__(self):
        self.log.append("enter")
        return self.log

    def __exit__(self, exc_type, exc, tb):
        self.log.append("exit")
        return False


m = Managed()
with m as log:
    entry = [len(log)]
with Managed() as other:
    x = other
print(m.log, entry, x)
