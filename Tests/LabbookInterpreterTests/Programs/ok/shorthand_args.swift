let pairs = [(1, "b"), (2, "a")]
print(pairs.sorted { $0.1 < $1.1 }.map { $0.0 })   // expect: [2, 1]
let add: (Int, Int) -> Int = { $0 + $1 }
print(add(2, 3))                                   // expect: 5
print([[1, 2], [3]].map { $0.count })              // expect: [2, 1]
