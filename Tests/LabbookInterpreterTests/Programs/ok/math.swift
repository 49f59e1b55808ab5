print(abs(-3), abs(-2.5))               // expect: 3 2.5
print(min(3, 1), max(3, 1), min(1, 2, -4))   // expect: 1 3 -4
print(min(1, 2.5), max(2, 1.5))         // expect: 1.0 2.0
print(sqrt(16), pow(2, 10))             // expect: 4.0 1024.0
print(exp(0), log(1))                   // expect: 1.0 0.0
print(round(2.5), round(-2.5), round(2.4))  // expect: 3.0 -3.0 2.0
print(floor(2.7), ceil(2.1))            // expect: 2.0 3.0
print((2.6).rounded(), (9.0).squareRoot())  // expect: 3.0 3.0
print((7.5).truncatingRemainder(dividingBy: 2))  // expect: 1.5
print(sin(0), cos(0), tanh(0), log2(8), log10(1000))   // expect: 0.0 1.0 0.0 3.0 3.0
print(Int.max, Int.min, Double.pi)                      // expect: 9223372036854775807 -9223372036854775808 3.141592653589793
print(Double.infinity, -Double.infinity, (0.0 / 0.0).isNaN)  // expect: inf -inf true
