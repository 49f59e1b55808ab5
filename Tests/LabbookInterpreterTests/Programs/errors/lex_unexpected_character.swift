let x = 3 @ 4
// error: 1:11: unexpected character '@'
