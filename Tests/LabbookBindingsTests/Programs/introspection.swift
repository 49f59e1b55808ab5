let model = Sequential([
    Flatten(inputShape: [28, 28]),
    Dense(128, activation: .relu, kernelInitializer: .heNormal()),
    Dropout(0.2),
    Dense(10, activation: .softmax),
])
model.compile(optimizer: Adam(learningRate: 0.01, beta1: 0.8), loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
let hidden = model.layers[1]
print(model.layers.map { $0.kind })
// expect: ["Flatten", "Dense", "Dropout", "Dense"]
print(hidden.units, hidden.activation == .relu, hidden.useBias, hidden.kernelInitializer == .heNormal(), hidden.biasInitializer == .zeros)
// expect: 128 true true true true
print(model.layers[0].units == nil, model.layers[2].rate, model.layers[3].activation == .softmax)
// expect: true 0.2 true
let adam = model.optimizer!
print(adam.name, adam.learningRate, adam.beta1, adam.beta2, adam.amsgrad, adam.momentum == nil)
// expect: adam 0.01 0.8 0.999 false true
print(model.loss! == .sparseCategoricalCrossentropy, model.metrics.count)
// expect: true 1
let rms = RMSprop()
print(rms.name, rms.rho, rms.centered)
// expect: rmsprop 0.9 false
let x = Tensor.random(normal: [20, 28, 28], seed: 1)
let y = Tensor(zeros: [20])
let history = model.fit(x, y, epochs: 2, batchSize: 8, verbose: 0)
// expect: <fit 2 epochs, accuracy,loss>
print(history.epochs, history.batchSize, history.stopReason)
// expect: 2 8 completed
let stopped = model.fit(x, y, epochs: 5, callbacks: [EarlyStopping(monitor: .loss, minDelta: 100, patience: 0)], verbose: 0)
// expect: <fit 2 epochs, accuracy,loss>
print(stopped.batchSize, stopped.stopReason)
// expect: 20 early-stopping
