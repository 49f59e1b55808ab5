let x = 1
func show() { print("global", x) }
if true {
    let x = 2
    print("inner", x)         // expect: inner 2
    show()                    // expect: global 1
}
for x in [3] { print("loop", x) }  // expect: loop 3
print("outer", x)             // expect: outer 1
func shadow(_ x: Int) -> Int {
    let y = x * 2
    if y > 2 {
        let y = 100
        return y
    }
    return y
}
print(shadow(1), shadow(5))   // expect: 2 100
