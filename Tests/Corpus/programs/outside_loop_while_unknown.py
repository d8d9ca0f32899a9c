import json
n = json.loads("3")
stack = []
base = [0]
while n:
    frame = [base, n]
    stack.append(frame)
    n = n - 1
top = stack
print(len(top))
