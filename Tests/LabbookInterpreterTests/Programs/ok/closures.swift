let square = { (x: Int) -> Int in x * x }
print(square(7))                          // expect: 49
let greet = { print("hi") }
greet()                                   // expect: hi
let multi = { (a: Int, b: Int) -> Int in
    let s = a + b
    return s * 2
}
print(multi(1, 2))                        // expect: 6
let ignore = { _ in 0 }
print(ignore(99))                         // expect: 0
print([1, 2, 3].map { $0 * 10 })          // expect: [10, 20, 30]
print([3, 1, 2].sorted { $0 > $1 })       // expect: [3, 2, 1]
print([1, 2, 3, 4].filter { x in x % 2 == 0 })  // expect: [2, 4]
