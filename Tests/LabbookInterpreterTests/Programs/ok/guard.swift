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
