// steps: 1000
print("partial output is kept")
while true { }
// expect: partial output is kept
// error: 3:1: the block did not finish within 1000 steps
