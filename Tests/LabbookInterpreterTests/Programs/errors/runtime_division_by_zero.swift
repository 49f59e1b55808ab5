let zero = 0
print(10 / zero)
// error: 2:7: division by zero
