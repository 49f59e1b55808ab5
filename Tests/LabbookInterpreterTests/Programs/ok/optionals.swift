let d = ["a": 1]
let maybe = d["b"]
print(maybe)                  // expect: nil
print(maybe ?? 42)            // expect: 42
print(d["a"]!)                // expect: 1
var x: Int? = nil
print(x == nil)               // expect: true
x = 5
print(x!, x ?? 0, x)          // expect: 5 5 5
let chain = d["q"] ?? d["r"] ?? 7
print(chain)                  // expect: 7
print([1, nil, 3])            // expect: [1, nil, 3]
