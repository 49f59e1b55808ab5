var x = 1
for _ in 0..<70 { x *= 2 }
// error: 2:19: arithmetic overflow: 4611686018427387904 * 2 does not fit in an Int
