let r = 5..<2
// error: 1:9: cannot form the range 5..<2: the lower bound is above the upper bound
