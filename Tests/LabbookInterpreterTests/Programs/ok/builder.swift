let m1 = Model {
    Dense(4, activation: .relu)
    Dense(2)
}
print(m1, m1.layers.count)         // expect: Model(4, 2) 2
let m2 = Model {
    for units in [8, 16] {
        Dense(units)
    }
    if m1.layers.count > 1 {
        Dense(1)
    } else {
        Dense(99)
    }
    print("builder bodies may print")
}
// expect: builder bodies may print
print(m2)                          // expect: Model(8, 16, 1)
let m3 = Model([Dense(5), Dense(6)])
let m4 = Model()
m4.add(Dense(7))
print(m3, m4, m4.countParams())    // expect: Model(5, 6) Model(7) 7
let typed: Model = m4
let layers: [Layer] = [Dense(1)]
print(typed.layers.count, layers)  // expect: 1 [Dense(1, linear)]
