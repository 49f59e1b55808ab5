var a = [1, 2, 3]
var b = a
b[0] = 100
print(a, b)                  // expect: [1, 2, 3] [100, 2, 3]
var d1 = ["k": 1]
var d2 = d1
d2["k"] = 2
print(d1, d2)                // expect: ["k": 1] ["k": 2]
var v1 = Vec([1, 2])
var v2 = v1
v2.scale(by: 10)
print(v1, v2)                // expect: Vec([1.0, 2.0]) Vec([10.0, 20.0])
func mutateCopy(_ xs: [Int]) -> [Int] { var ys = xs; ys.append(9); return ys }
print(mutateCopy(a), a)      // expect: [1, 2, 3, 9] [1, 2, 3]
var t = (1, [2])
var u = t
u.1.append(3)
print(t, u)                  // expect: (1, [2]) (1, [2, 3])
