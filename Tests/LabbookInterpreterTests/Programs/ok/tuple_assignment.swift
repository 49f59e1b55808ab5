var a = 1
var b = 2
(a, b) = (b, a)
print(a, b)                  // expect: 2 1
var xs = [10, 20]
(xs[0], xs[1]) = (xs[1], xs[0])
print(xs)                    // expect: [20, 10]
var c = 0
(a, (b, c)) = (7, (8, 9))
print(a, b, c)               // expect: 7 8 9
var (fast, slow) = (0, 1)
(fast, _) = (5, 6)
print(fast, slow)            // expect: 5 1
