let model = Sequential([Input(shape: [2]), Dense(1)])
model.compile(optimizer: SGD(), loss: .meanSquaredError)
let history = model.fit(Tensor(zeros: [4, 2]), Tensor(zeros: [4, 1]), epochs: 0)
// expect: <fit 0 epochs, >
print(history.best(.valLoss))
// error: 5:7: this history has no metric 'val_loss'; it has none
