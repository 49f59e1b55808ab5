let xs = Array(repeating: 0, count: -1)
// error: 1:10: an array cannot have a negative count (-1)
