let x = Tensor.random(normal: [64, 4], seed: 2)
let y = Tensor(zeros: [64])
let model = Sequential([Dense(3, activation: .softmax, inputShape: [4])])
model.compile(optimizer: SGD(learningRate: 0.5), loss: "sparse_categorical_crossentropy", metrics: ["accuracy"])
var seen: [Int] = []
let log = Callback(onEpochEnd: { epoch, logs in
    seen.append(epoch)
    if logs.loss! < 0.05 || logs["loss"]! > 100.0 { return .stop }
    return .continue
}, onEpochBegin: { epoch in }, onTrainEnd: { logs in print("trained, keys \(logs.keys)") })
let h = model.fit(x, y, epochs: 4, batchSize: 64, callbacks: [log, EarlyStopping(monitor: .loss, patience: 2, restoreBestWeights: true), ReduceLROnPlateau(monitor: .loss, patience: 1)])
// expect: trained, keys ["accuracy", "loss"]
// expect: <fit 4 epochs, accuracy,loss>
print(seen, h.epochs)
// expect: [0, 1, 2, 3] 4
let stopper = Callback(onBatchEnd: { batch, logs in .stop })
print(model.fit(x, y, epochs: 3, batchSize: 8, callbacks: [stopper]).epochs)
// expect: <fit 1 epochs, accuracy,loss>
// expect: 1
setSeed(7)
let a = Sequential([Dense(2, inputShape: [2])]).getWeights()[0]
setSeed(7)
print(a == Sequential([Dense(2, inputShape: [2])]).getWeights()[0])
// expect: true
