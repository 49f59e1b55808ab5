let xs = [1, 0]
let ys = xs.map { 10 / $0 }
// error: 2:19: division by zero
