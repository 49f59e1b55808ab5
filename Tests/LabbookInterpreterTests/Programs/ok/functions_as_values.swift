func double(_ x: Int) -> Int { x * 2 }
let f = double
print(f(21))                                  // expect: 42
func apply(_ g: (Int) -> Int, to x: Int) -> Int { g(x) }
print(apply(double, to: 5))                   // expect: 10
print(apply({ $0 + 1 }, to: 5))               // expect: 6
let ops: [(String, (Int, Int) -> Int)] = [("add", { $0 + $1 }), ("mul", { a, b in a * b })]
for (name, op) in ops { print(name, op(3, 4)) }
// expect: add 7
// expect: mul 12
func makeAdder(_ n: Int) -> (Int) -> Int { return { x in x + n } }
let add3 = makeAdder(3)
print(add3(10))                               // expect: 13
print(f)                                      // expect: (Function)
