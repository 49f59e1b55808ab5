print(1, 2, 3, separator: ", ")              // expect: 1, 2, 3
print("a", "b", separator: "")                // expect: ab
print("no newline", terminator: "")
print(" then newline")                        // expect: no newline then newline
print()
// expect: 
print(["a": [1.5, 2.0]])                      // expect: ["a": [1.5, 2.0]]
print([("x", 1)])                             // expect: [("x", 1)]
print(["quote\"d"])                           // expect: ["quote\"d"]
print(0.1, 1.0, 1e-7, 1e20, 123456.789)       // expect: 0.1 1.0 1e-07 1e+20 123456.789
print(-0.0, Double(1) / 3)                    // expect: -0.0 0.3333333333333333
print(Activation.relu, [Activation.sigmoid])  // expect: relu [sigmoid]
print(Vec([1, 2]))                            // expect: Vec([1.0, 2.0])
print(Vec, Activation.relu == .relu)           // expect: Vec true
print([0..<3], (a: 1...2, b: [true]), ["k": nil])  // expect: [0..<3] (a: 1...2, b: [true]) ["k": nil]
