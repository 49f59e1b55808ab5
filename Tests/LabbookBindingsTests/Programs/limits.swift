let x = Tensor.random(normal: [6, 2], seed: 1)
let y = Tensor([0, 1, 0, 1, 1, 0])
let model = Sequential([Input(shape: [2]), Dense(2, activation: .softmax)])
model.compile(optimizer: SGD(), loss: .sparseCategoricalCrossentropy)
let history = model.fit(x, y, epochs: 1, batchSize: Int.max)
// expect: <fit 1 epochs, loss>
print(model.predict(x, batchSize: Int.max).shape, model.predict(Tensor(zeros: [0, 2])).shape)
// expect: [6, 2] [0, 2]
let late = model.fit(x, y, epochs: Int.max, initialEpoch: Int.max - 1)
// expect: <fit 1 epochs, loss>
print(Tensor([1, 2, 3])[1...2], Tensor(zeros: [0]).sum(), Tensor(zeros: [0]).mean(), Tensor(zeros: [3, 0]).max(axis: 0))
// expect: [2 3] 0.0 nan []
print(Tensor([3.9, -2.5]).asType(.int32), Tensor([255.9]).asType(.uint8), Tensor([16777215]) - 1)
// expect: [ 3 -2] [255] [16777214]
let pooled = Sequential([Input(shape: [8, 8, 1]), MaxPooling2D(poolSize: Int.max, strides: Int.max, padding: "same")])
print(pooled.predict(Tensor.random(normal: [1, 8, 8, 1], seed: 2)).shape)
// expect: [1, 1, 1, 1]
model.fit(x, y, validationSplit: 1e-9)
// error: 18:1: validationSplit 1e-09 of 6 examples leaves no validation examples; use a larger validationSplit or more data
