print(1 < 2, 2 <= 2, 3 > 4, 4 >= 5, 1 == 1, 1 != 1)  // expect: true true false false true false
print(1 == 1.0, 2.5 > 2)                              // expect: true true
print(true && false, true || false, !true)           // expect: false true false
print([1, 2] == [1, 2], ["a": 1] == ["a": 2])         // expect: true false
print((1, "a") == (1, "a"))                           // expect: true
var calls = 0
func touch() -> Bool { calls += 1; return true }
let shortCircuit = false && touch()
let other = true || touch()
print(shortCircuit, other, calls)                     // expect: false true 0
print(1 < 2 && 2 < 3 || false)                         // expect: true
