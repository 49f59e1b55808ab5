let n = train(epochs: 3, onEpochEnd: { epoch, loss in
    let d: [String: Int] = [:]
    return d["x"]! > 0 ? .stop : .continue
})
// error: 3:12: unexpectedly found nil while unwrapping an optional value
