var a = 1; a += 1; print(a)    // expect: 2
if a > 1 { print("x"); print("y") }
// expect: x
// expect: y
