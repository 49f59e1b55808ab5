let model = Sequential([Flatten(inputShape: [2]), Dense(5, activation: .softmax)])
model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy)
model.fit(Tensor(zeros: [4, 2]), Tensor([1, 9, 2, 3]))
// error: 3:1: label 9 is out of range for a 5-unit softmax output (labels must be in 0..<5)
