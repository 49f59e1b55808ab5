let x = Tensor.random(normal: [120, 4], seed: 1)
var labels: [Int] = []
for i in 0..<120 { labels.append(i % 3) }
let y = Tensor(labels)
let deep = true
var model = Sequential {
    Input(shape: [4])
    for units in [16, 8] {
        Dense(units, activation: .relu)
    }
    if deep {
        Dropout(0.1)
    }
    Dense(3, activation: .softmax)
}
print(model.layers.count, model.countParams())
// expect: 4 243
model.summary()
// expect: <summary 4 layers, 243 params>
model.compile(optimizer: .adam, loss: .sparseCategoricalCrossentropy, metrics: [.accuracy])
let history = model.fit(x, y, epochs: 2, batchSize: 16, validationSplit: 0.25, shuffle: false)
// expect: <fit 2 epochs, accuracy,loss,val_accuracy,val_loss>
print(history.epochs, history.loss.count, history.valAccuracy.count, history["val_loss"]!.count, history.stoppedEarly)
// expect: 2 2 2 2 false
print(history.best(.valLoss).epoch >= 1, history.metrics)
// expect: true ["accuracy", "loss", "val_accuracy", "val_loss"]
let (loss, accuracy) = model.evaluate(x, y, batchSize: 32)
// expect: <evaluation accuracy,loss>
print(loss > 0, accuracy >= 0.0)
// expect: true true
let p = model.predict(x[0..<5])
print(p.shape, abs(p[0].sum() - 1.0) < 0.0001)
// expect: [5, 3] true
var other = Sequential([Dense(16, activation: .relu, inputShape: [4])])
other.add(Dense(8, activation: .relu))
other.add(Dropout(0.1))
other.add(Dense(3, activation: .softmax))
other.setWeights(model.getWeights())
print(other.getWeights() == model.getWeights(), Sequential().layers.count)
// expect: true 0
model.save("model.safetensors")
let loaded = Sequential.load("model.safetensors")
print(loaded.getWeights() == model.getWeights())
// expect: true
plot(history, metrics: [.loss, .valLoss], ylim: (0.0, 2.0), title: "loss")
// expect: <figure chart loss,val_loss>
compare([("a", history), ("b", history)], metric: .valAccuracy)
// expect: <figure chart a,b>
// expect: <table run | final val_accuracy | best val_accuracy | best epoch: 2 rows>
