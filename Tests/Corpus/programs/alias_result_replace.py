s = str(12345)
t = s.replace("x", "y")
