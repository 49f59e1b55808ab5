let x = * 3
// error: 1:9: expected an expression, found '*'
