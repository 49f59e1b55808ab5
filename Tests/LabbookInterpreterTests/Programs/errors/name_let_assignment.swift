let x = 1
x = 2
// error: 2:1: cannot assign to 'x': it is a 'let' constant
