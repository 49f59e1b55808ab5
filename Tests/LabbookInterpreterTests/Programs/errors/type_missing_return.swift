func f(_ x: Int) -> Int {
    if x > 0 { return 1 }
}
print(f(0))
// error: 4:7: missing return in 'f', which must return a 'Int'
