print(Conv2D(32, kernelSize: 3, activation: .relu), Conv2D(8, kernelSize: [3, 5], strides: 2, padding: "same"))
// expect: Conv2D(32, kernelSize: [3, 3], activation: .relu) Conv2D(8, kernelSize: [3, 5], activation: .linear)
print(MaxPooling2D(), MaxPooling2D(poolSize: 3, strides: 2, padding: "SAME"), AveragePooling2D(poolSize: [2, 1]), GlobalAveragePooling2D())
// expect: MaxPooling2D(poolSize: [2, 2]) MaxPooling2D(poolSize: [3, 3]) AveragePooling2D(poolSize: [2, 1]) GlobalAveragePooling2D()
let ((trainImages, trainLabels), (testImages, _)) = FashionMNIST.loadData()
let x = trainImages[0..<256] / 255.0
let y = trainLabels[0..<256]
let model = Sequential {
    Input(shape: [28, 28])
    Reshape([28, 28, 1])
    Conv2D(8, kernelSize: 3, activation: .relu)
    MaxPooling2D(poolSize: 2)
    Conv2D(16, kernelSize: 3, padding: "same", activation: .relu)
    GlobalAveragePooling2D()
    Dense(10, activation: .softmax)
}
print(model.layers.map { $0.name })
// expect: ["reshape", "conv2d", "max_pooling2d", "conv2d_1", "global_average_pooling2d", "dense"]
print(model.countParams())
// expect: 1418
model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(), metrics: [.accuracy])
let history = model.fit(x, y, epochs: 2, batchSize: 32, verbose: 0)
print(history.epochs, history.loss[1] < history.loss[0])
// expect: <fit 2 epochs, accuracy,loss>
// expect: 2 true
let probabilities = model.predict(testImages[0..<5] / 255.0)
print(probabilities.shape)
// expect: [5, 10]
