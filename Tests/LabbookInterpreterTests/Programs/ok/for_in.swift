for x in [1, 2, 3] { print(x, terminator: " ") }
print()
// expect: 1 2 3 
for i in 0..<3 { print(i, terminator: ",") }
print("")
// expect: 0,1,2,
for i in 1...3 { print(i * i) }
// expect: 1
// expect: 4
// expect: 9
for (name, score) in ["ann": 3, "bob": 5] { print(name, score) }
// expect: ann 3
// expect: bob 5
for (i, s) in ["a", "b"].enumerated() { print(i, s) }
// expect: 0 a
// expect: 1 b
for c in "hi" { print(c) }
// expect: h
// expect: i
for _ in 0..<2 { print("again") }
// expect: again
// expect: again
for i in 0..<Int.max {
    if i == 2 { break }
    print("huge range", i)
}
// expect: huge range 0
// expect: huge range 1
for i in 5..<5 { print("never", i) }
for pair in ["k": 1] { print(pair.key, pair.value, pair) }
// expect: k 1 (key: "k", value: 1)
