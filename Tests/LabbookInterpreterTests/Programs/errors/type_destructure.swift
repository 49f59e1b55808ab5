let (a, b) = (1, 2, 3)
// error: 1:14: the pattern has 2 names but the tuple has 3 elements
