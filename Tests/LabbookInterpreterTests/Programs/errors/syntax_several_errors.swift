let a = (1 + 2
let b = 3
let = 4
print(b c)
// error: 2:1: expected ')', found 'let'
// error: 3:5: expected a name or a tuple of names, found '='
// error: 4:9: expected ')' to close the argument list, found 'c'
