var scores = ["b": 2, "a": 1]
print(scores)                              // expect: ["b": 2, "a": 1]
scores["c"] = 3
scores["b"] = 20
print(scores, scores.count)                // expect: ["b": 20, "a": 1, "c": 3] 3
print(scores["a"]!, scores["zz"], scores["zz"] ?? 0)  // expect: 1 nil 0
print(scores.keys, scores.values)          // expect: ["b", "a", "c"] [20, 1, 3]
print(scores.removeValue(forKey: "a")!, scores)  // expect: 1 ["b": 20, "c": 3]
scores["b"] = nil
print(scores)                              // expect: ["c": 3]
var empty: [String: Int] = [:]
print(empty, empty.isEmpty)                // expect: [:] true
empty["x", default: 0] += 5
print(empty)                               // expect: ["x": 5]
let nested = ["a": [1, 2]]
print(nested["a"]![1])                     // expect: 2
var counts: [String: Int] = [:]
for w in ["a", "b", "a"] { counts[w] = (counts[w] ?? 0) + 1 }
print(counts)                              // expect: ["a": 2, "b": 1]
print(counts.mapValues { $0 * 10 }, counts.map { $0.key })   // expect: ["a": 20, "b": 10] ["a", "b"]
print(counts.sorted { $0.value < $1.value }.map { $0.key })  // expect: ["b", "a"]
print(counts.filter { $0.value > 1 })     // expect: ["a": 2]
print([1: "one", 2: "two"][2]!)           // expect: two
