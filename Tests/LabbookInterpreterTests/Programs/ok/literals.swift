print(42)              // expect: 42
print(60_000)          // expect: 60000
print(0x1F)            // expect: 31
print(0b101)           // expect: 5
print(1.5)             // expect: 1.5
print(1e-7)            // expect: 1e-07
print(2.0)             // expect: 2.0
print(0.1 + 0.2)       // expect: 0.30000000000000004
print(true, false)     // expect: true false
print("text")         // expect: text
