print([2, 3, 1].sorted(by: <), ["b", "c", "a"].sorted(by: >))  // expect: [1, 2, 3] ["c", "b", "a"]
print([1.5, -2.0, 0.5].sorted())                               // expect: [-2.0, 0.5, 1.5]
let people = [("ann", 30), ("bob", 25), ("cy", 30)]
print(people.sorted { $0.1 < $1.1 }.map { $0.0 })                // expect: ["bob", "ann", "cy"]
