func firstEven(_ xs: [Int]) -> Int? {
    for x in xs {
        guard x % 2 == 0 else { continue }
        return x
    }
    return nil
}
print(firstEven([1, 3, 4, 6]) ?? -1)   // expect: 4
print(firstEven([1, 3]) ?? -1)         // expect: -1
func describe(_ d: [String: Int], _ key: String) -> String {
    guard let value = d[key] else { return "no \(key)" }
    return "\(key) = \(value)"
}
print(describe(["k": 2], "k"))         // expect: k = 2
print(describe(["k": 2], "q"))         // expect: no q
func check(_ d: [String: Int]) -> String {
    guard let a = d["a"], let b = d["b"], a < b else { return "no" }
    return "\(a) < \(b)"
}
print(check(["a": 1, "b": 2]), check(["a": 3, "b": 2]), check(["a": 1]))  // expect: 1 < 2 no no
if let a = ["x": 5]["x"], a > 4, true { print("all hold") }              // expect: all hold
