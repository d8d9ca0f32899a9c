# Small ints and one-character strings are shared even when computed; bigger results are new objects.
a = 200
b = a + 50
c = a + 100
s = "xy"
t = s[0]
u = s + s
v = u[0:2]
w = "".join(["x", "y"])
n = len(u) * 100
print(b, c, t, u, v, w, n)
