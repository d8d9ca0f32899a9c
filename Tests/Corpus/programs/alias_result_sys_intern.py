import sys
s = str(12345)
t = sys.intern(s)
