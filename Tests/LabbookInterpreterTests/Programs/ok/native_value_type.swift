var v = Vec([1, 2, 3])
print(v.count, v.sum(), v[1])      // expect: 3 6.0 2.0
v.scale(by: 2)
print(v)                           // expect: Vec([2.0, 4.0, 6.0])
v[0] = 9
v[1] += 1
print(v)                           // expect: Vec([9.0, 5.0, 6.0])
v.first = 1
print(v.first!)                    // expect: 1.0
v.append(7)
print(v[1..<3], v.count)           // expect: Vec([5.0, 6.0]) 4
print(v[1, 2])                     // expect: 30.0
let w = v + 1
print(w, v * v)                    // expect: Vec([2.0, 6.0, 7.0, 8.0]) Vec([1.0, 25.0, 36.0, 49.0])
print(-Vec([1]), 2 - Vec([1, 2]))  // expect: Vec([-1.0]) Vec([1.0, 0.0])
print(Vec([1, 2]) .== Vec([1, 3])) // expect: Vec([1.0, 0.0])
print(Vec([1]) == Vec([1]))        // expect: true
for x in Vec([4, 5]) { print(x) }
// expect: 4.0
// expect: 5.0
print(Vec(zeros: 2))               // expect: Vec([0.0, 0.0])
let doubled = Vec([1, 2]).mapped { $0 * 2 }
print(doubled)                     // expect: Vec([2.0, 4.0])
var vs = [Vec([1])]
vs[0].scale(by: 3)
print(vs)                          // expect: [Vec([3.0])]
func takesVec(_ v: Vec) -> Double { v.sum() }
print(takesVec([1, 2, 3]))         // expect: 6.0
