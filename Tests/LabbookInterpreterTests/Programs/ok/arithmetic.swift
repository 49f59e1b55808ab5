print(7 / 2, 7 % 3, -7 / 2)   // expect: 3 1 -3
print(7.0 / 2)                // expect: 3.5
print(1 + 2.5)                // expect: 3.5
print(2 * 3 + 4 * 5)          // expect: 26
print((2 + 3) * 4)            // expect: 20
print(-(3 - 5))               // expect: 2
print(10 - 2 - 3)             // expect: 5
print(5.5 % 2)                // expect: 1.5
var n = 10
n += 5; n -= 3; n *= 2; n /= 4
print(n)                      // expect: 6
var r = 10
r %= 4
print(r)                      // expect: 2
print(1 / 3.0)                // expect: 0.3333333333333333
print(9223372036854775807)    // expect: 9223372036854775807
