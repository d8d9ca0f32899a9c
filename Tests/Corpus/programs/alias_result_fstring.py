s = str(12345)
t = f"{s}"
