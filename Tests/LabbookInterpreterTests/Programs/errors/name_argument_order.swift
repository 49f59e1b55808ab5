func fit(epochs: Int = 1, batchSize: Int = 32, verbose: Int = 1) -> Int { epochs * batchSize + verbose }
print(fit(epochs: 2, verbose: 0, batchSize: 64))
// error: 2:34: argument 'batchSize' must precede argument 'verbose'
