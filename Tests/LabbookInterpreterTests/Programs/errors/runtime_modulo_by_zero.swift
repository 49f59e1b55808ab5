print(10 % 0)
// error: 1:7: division by zero
