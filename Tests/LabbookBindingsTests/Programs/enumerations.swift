let inits: [Initializer] = [.zeros, .ones, .constant(0.5), .randomNormal(mean: 0, stddev: 0.1), .randomUniform(minval: -1, maxval: 1), .truncatedNormal(), .glorotUniform(), .glorotNormal(), .heUniform(), .heNormal(), .lecunUniform(), .lecunNormal(), .orthogonal()]
print(inits.count, GlorotUniform(seed: 3) == .glorotUniform(seed: 3), RandomNormal() == .randomNormal())
// expect: 13 true true
let regs: [Regularizer] = [.l1(0.01), .l2(0.01), .l1l2(l1: 0.01, l2: 0.02), "l2"]
print(regs.count, L2() == .l2(0.01), L1L2() == .l1l2(l1: 0, l2: 0))
// expect: 4 true true
let losses: [Loss] = [.sparseCategoricalCrossentropy, .sparseCategoricalCrossentropy(fromLogits: true), .categoricalCrossentropy, .binaryCrossentropy, .meanSquaredError, .meanAbsoluteError, "mse"]
print(losses[0], losses[6])
// expect: sparse_categorical_crossentropy mean_squared_error
let metrics: [Metric] = [.accuracy, .sparseTopKCategoricalAccuracy(k: 3), "acc"]
print(metrics[0], metrics[2])
// expect: accuracy accuracy
let names: [MetricName] = [.loss, .accuracy, .valLoss, .valAccuracy, "val_accuracy"]
print(names[3] == names[4], DType.float32, DType.uint8)
// expect: true float32 uint8
