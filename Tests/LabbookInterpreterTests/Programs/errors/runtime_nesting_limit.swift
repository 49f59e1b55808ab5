// call-depth: 1000
func down(_ n: Int) -> Int {
    if n == 0 { return 0 }
    return 1 + -(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(-(down(n - 1)))))))))))))))))))))))))))))))))))))))))))))))))))
}
print(down(999))
// error: 4:43: too much nesting: more than 20000 statements and expressions inside one another
