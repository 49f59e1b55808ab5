func f() {
    let = 1
}
func g() {
    var x 2
}
// error: 2:9: expected a name or a tuple of names, found '='
// error: 5:11: 'var' needs an initial value: expected '='
