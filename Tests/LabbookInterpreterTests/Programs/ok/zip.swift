print(zip([1, 2, 3], ["a", "b"]))           // expect: [(1, "a"), (2, "b")]
for (x, y) in zip([1, 2], [10, 20]) { print(x + y) }
// expect: 11
// expect: 22
print(zip(["a", "b"], 0..<Int.max))          // expect: [("a", 0), ("b", 1)]
