let runs: [(String, Activation)] = [("a", .relu), ("b", "sigmoid")]
for (name, act) in runs { print(name, act) }
// expect: a relu
// expect: b sigmoid
let table2: [String: [Double]] = ["loss": [1, 0.5]]
print(table2)                 // expect: ["loss": [1.0, 0.5]]
var maybe: Double? = 3
print(maybe!)                 // expect: 3.0
func build(_ k: Activation, units: Int = 2) -> Dense { Dense(units, activation: k) }
print(build(.relu))           // expect: Dense(2, relu)
let anything: Any = [1]
print(anything)               // expect: [1]
