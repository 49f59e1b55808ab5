print(Int(3.9), Int(-3.9), Int("42")!, Int("x"))   // expect: 3 -3 42 nil
print(Double(3), Double("2.5")!, Double("z"))       // expect: 3.0 2.5 nil
print(String(12) + "!", String([1, 2]))            // expect: 12! [1, 2]
print(String(format: "%.2f", 3.14159))             // expect: 3.14
print(String(format: "%d items, %5.1f%%", 3, 99.5))  // expect: 3 items,  99.5%
print(String(format: "%e | %g | %s", 12345.678, 0.0001, "str"))  // expect: 1.234568e+04 | 0.0001 | str
print(String(format: "[%-5s] [%5s] [%03d] [%x]", "ab", "cd", 7, 255))  // expect: [ab   ] [   cd] [007] [ff]
print(String(format: "%.3f", 2))                   // expect: 2.000
