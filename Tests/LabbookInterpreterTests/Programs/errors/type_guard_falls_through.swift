func f() {
    guard false else { print("no") }
}
f()
// expect: no
// error: 2:5: the body of 'guard' must not fall through
