func greet(_ name: String, greeting: String = "Hello") -> String {
    return "\(greeting), \(name)"
}
print(greet("Ada"))                        // expect: Hello, Ada
print(greet("Ada", greeting: "Hi"))        // expect: Hi, Ada
func move(from start: Int, to end: Int) -> Int { end - start }
print(move(from: 2, to: 9))                // expect: 7
func noResult() { print("side effect") }
noResult()                                 // expect: side effect
print(noResult())
// expect: side effect
// expect: ()
func build(_ k: Activation = .relu, scale: Double = 1) -> String { "\(k) \(scale)" }
print(build(), build(.sigmoid, scale: 2))  // expect: relu 1.0 sigmoid 2.0
func untyped(a, b) { print(a, b) }
untyped(a: 1, b: "two")                   // expect: 1 two
