s = str(12345)
t = "{}".format(s)
