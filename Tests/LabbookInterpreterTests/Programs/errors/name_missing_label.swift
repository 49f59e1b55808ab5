func f(count: Int) {}
f(3)
// error: 2:3: missing argument label 'count:' in call to 'f'
