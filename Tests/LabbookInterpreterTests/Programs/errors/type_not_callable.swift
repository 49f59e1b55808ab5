let x = 3
x()
// error: 2:1: cannot call a value of type 'Int'
