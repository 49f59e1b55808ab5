let xs = [1, 2, 3]
expect(xs.count == 3, "three items", points: 0.5)
// expect: <expect passed: three items [xs.count = 3, 3 = 3] 0.5 points>
expect(xs.isEmpty, "empty", points: 2)
// expect: <expect failed: empty [xs.isEmpty = false] 2.0 points>
let check = expect
check(true, "through a variable", points: 1)
// expect: <expect passed: through a variable [true = true] 1.0 points>
