let x
print(1)
// error: 2:1: 'let' needs an initial value: expected '='
