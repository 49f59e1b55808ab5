let big = 9223372036854775807
let x = big + 1
// error: 2:9: arithmetic overflow: 9223372036854775807 + 1 does not fit in an Int
