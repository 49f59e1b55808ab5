let x = 5
print(x > 3 ? "big" : "small")        // expect: big
print(x > 10 ? 1 : x > 4 ? 2 : 3)      // expect: 2
let label = x % 2 == 0 ? "even" : "odd"
print(label)                          // expect: odd
