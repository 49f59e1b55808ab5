// The shape of the coursework notebook (language.md, "A taste"), on the fake library.
let ((trainX, trainY), (testX, testY)) = FakeData.loadData()
let x = trainX * 2
print("train: \(x.count), test: \(testX.count), first label: \(FakeData.classNames[trainY[0]])")
// expect: train: 3, test: 1, first label: zero
var model = Model {
    Dense(4, activation: .sigmoid)
    Dense(2, activation: .relu)
}
print(model.countParams())                          // expect: 6
var runs: [String: Int] = [:]
for units in [8, 16] {
    var wide = Model {
        Dense(units, activation: "sigmoid")
    }
    runs["\(units) units"] = wide.countParams()
}
print(runs)                                         // expect: ["8 units": 8, "16 units": 16]
let epochs = train(epochs: 10, onEpochEnd: { epoch, loss in
    if loss <= 0.4 {
        print("Reached a loss of 0.4 after \(epoch + 1) epochs, stopping")
        return .stop
    }
    return .continue
})
// expect: Reached a loss of 0.4 after 3 epochs, stopping
expect(runs["8 units"]! < 10, "the small model is small")
// expect: <expect passed: the small model is small [runs["8 units"]! = 8, 10 = 10]>
