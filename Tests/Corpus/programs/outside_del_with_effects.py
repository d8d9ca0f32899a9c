# OUTSIDE SUBSET: a __del__ that stores the dying object somewhere (resurrection).
graveyard = []


class Zombie:
    def __del__(self):
        graveyard.append(self)


z = Zombie()
z = None
alive = len(graveyard)
print(alive)
