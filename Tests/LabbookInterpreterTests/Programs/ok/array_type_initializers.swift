let zeros = [Int](repeating: 0, count: 3)
print(zeros)                                              // expect: [0, 0, 0]
let grid = [[Double]](repeating: [0.5], count: 2)
print(grid)                                               // expect: [[0.5], [0.5]]
print([String](["a", "b"]))                               // expect: ["a", "b"]
