let x: [Int = [1]
// error: 1:13: expected ']' to close the type, found '='
