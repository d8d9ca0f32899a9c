# Single inheritance without super(): methods and __init__ found on the base class.
class Base:
    def __init__(self, data):
        self.data = data

    def get(self):
        return self.data


class Child(Base):
    def twice(self):
        return [self.get(), self.get()]


payload = [1, 2]
c = Child(payload)
pair = c.twice()
del payload
print(isinstance(c, Base), len(pair))
