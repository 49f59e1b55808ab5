let xs = [1, 2, 3]
print(xs[3])
// error: 2:7: index 3 is out of range for an array of 3 elements
