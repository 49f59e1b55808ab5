let total = 1 +
    2 +
    3
print(total)                 // expect: 6
let xs = [
    1,
    2,
]
print(xs)                    // expect: [1, 2]
let r = xs
    .map { $0 * 3 }
    .filter { $0 > 3 }
print(r)                     // expect: [6]
let y = 5
-3
print(y)                     // expect: 5
print(
    "args",
    "split"
)                            // expect: args split
let ok = true &&
    false
print(ok)                    // expect: false
