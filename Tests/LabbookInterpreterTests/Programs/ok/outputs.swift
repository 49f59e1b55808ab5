table([[1, "a"], [2, "b"]], headers: ["n", "s"])
// expect: <table n,s; 1,a; 2,b>
let accuracy = 0.85
expect(accuracy > 0.8, "beats 80 %")
// expect: <expect passed: beats 80 % [accuracy = 0.85, 0.8 = 0.8]>
expect([1, 2].count == 3, "three items")
// expect: <expect failed: three items [[1, 2].count = 2, 3 = 3]>
expect(true)
// expect: <expect passed: true [true = true]>
emitRich(title: "figure")
// expect: <rich figure>
table([(1, 2.5)])
// expect: <table ; 1,2.5>
