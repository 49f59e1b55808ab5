let f = { a, b in a + b }
print(f(1))
// error: 2:7: the closure takes 2 parameters but is called with 1
