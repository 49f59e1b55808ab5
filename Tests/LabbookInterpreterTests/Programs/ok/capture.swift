var count = 0
let increment = { count += 1 }
increment()
increment()
print(count)                  // expect: 2
func makeCounter() -> () -> Int {
    var n = 0
    return {
        n += 1
        return n
    }
}
let c1 = makeCounter()
let c2 = makeCounter()
print(c1(), c1(), c2())       // expect: 1 2 1
var handlers: [() -> Int] = []
for i in 0..<3 { handlers.append({ i * 10 }) }
print(handlers.map { $0() })  // expect: [0, 10, 20]
