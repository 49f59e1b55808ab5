var counts = Array(repeating: 0, count: 3)
counts[1] += 2
print(counts, Array(repeating: "a", count: 2), Array(repeating: 1.5, count: 0))
// expect: [0, 2, 0] ["a", "a"] []
