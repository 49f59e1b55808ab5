func compose(_ f: (Double) -> Double, _ g: (Double) -> Double) -> (Double) -> Double { { g(f($0)) } }
let h = compose({ $0 + 1 }, { $0 * 10 })
print(Vec([1, 2]).mapped(h))      // expect: Vec([20.0, 30.0])
