let xs = Array(0..<Int.max)
// error: 1:10: this would build a collection of more than 10000000 elements
