let r = 0..<5
print(r, r.count, 1...3)                  // expect: 0..<5 5 1...3
print(r.contains(4), r.contains(5))       // expect: true false
print((1...3).map { $0 * 2 })             // expect: [2, 4, 6]
print(Array(0..<4), (0..<4).reversed())    // expect: [0, 1, 2, 3] [3, 2, 1, 0]
print((1...4).reduce(0, +))               // expect: 10
print((0..<Int.max).contains(123456789))  // expect: true
print(r.lowerBound, r.upperBound)         // expect: 0 5
print(stride(from: 0, to: 10, by: 3))     // expect: [0, 3, 6, 9]
print(stride(from: 1.0, through: 2.0, by: 0.5))  // expect: [1.0, 1.5, 2.0]
