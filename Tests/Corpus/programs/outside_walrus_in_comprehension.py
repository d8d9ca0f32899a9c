a = [1]
r = [(y := x) for x in [a]]
