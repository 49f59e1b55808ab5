func f(_ a: Int, _ b: Int) {}
f(1)
// error: 2:1: missing argument for parameter 'b' in call to 'f'
