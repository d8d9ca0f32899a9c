import math
n = int("123456")
m = math.floor(n)
