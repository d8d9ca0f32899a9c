s = str(12345)
t = s.strip()
