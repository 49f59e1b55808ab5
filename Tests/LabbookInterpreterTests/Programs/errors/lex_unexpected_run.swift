let a = 1 @@@ 2
let b = 2 # 3 ` 4
// error: 1:11: unexpected characters '@@@'
// error: 2:11: unexpected character '#'
// error: 2:15: unexpected character '`'
