let a = 1
var b = 2
b = b + a
print(a, b)           // expect: 1 3
let n: Int = 3
let d: Double = 3     // an Int literal where a Double is declared becomes a Double
print(n, d)           // expect: 3 3.0
var xs: [Double] = [1, 2]
print(xs)             // expect: [1.0, 2.0]
let o: Int? = nil
print(o)              // expect: nil
let a2 = 5; let b2 = 6; print(a2 * b2)  // expect: 30
