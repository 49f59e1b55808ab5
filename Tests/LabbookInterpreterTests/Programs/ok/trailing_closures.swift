func twice(_ body: () -> Void) { body(); body() }
twice { print("tick") }
// expect: tick
// expect: tick
func transform(_ x: Int, by f: (Int) -> Int) -> Int { f(x) }
print(transform(4) { $0 * $0 })          // expect: 16
let total = [1, 2, 3].reduce(0) { $0 + $1 }
print(total)                             // expect: 6
