var xs = [1]
xs[-1] = 0
// error: 2:1: index -1 is out of range for an array of 1 element
