func f() {
    let a = 1
    let a = 2
}
f()
// error: 3:9: invalid redeclaration of 'a' in the same scope
