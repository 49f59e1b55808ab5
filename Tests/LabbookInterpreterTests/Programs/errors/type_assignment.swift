var n: Int = 1
n = 2.5
// error: 2:5: cannot assign value of type 'Double' to 'n' of type 'Int'
