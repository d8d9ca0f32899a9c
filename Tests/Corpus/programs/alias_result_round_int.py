n = int("123456")
m = round(n)
