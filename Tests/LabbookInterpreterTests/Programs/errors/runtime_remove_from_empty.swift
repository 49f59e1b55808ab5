var xs: [Int] = []
xs.removeLast()
// error: 2:1: cannot 'removeLast' from an empty array
