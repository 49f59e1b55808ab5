let names = FakeData.classNames
print(names[1], names.count)      // expect: one 3
let labels = [2, 0]
print(labels.map { FakeData.classNames[$0] })  // expect: ["two", "zero"]
print(Activation.relu)            // expect: relu
