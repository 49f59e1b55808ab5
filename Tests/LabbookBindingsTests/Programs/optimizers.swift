print(Adam())
// expect: adam(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-07, amsgrad: false)
print(SGD(learningRate: 0.1, momentum: 0.9, nesterov: true))
// expect: sgd(learningRate: 0.1, momentum: 0.9, nesterov: true)
print(RMSprop(), Adagrad())
// expect: rm_sprop(learningRate: 0.001, rho: 0.9, momentum: 0.0, epsilon: 1e-07, centered: false) adagrad(learningRate: 0.001, initialAccumulatorValue: 0.1, epsilon: 1e-07)
print(Adadelta(), Adamax(), Nadam(), Lion(), AdamW())
// expect: adadelta(learningRate: 0.001, rho: 0.95, epsilon: 1e-07) adamax(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-07) nadam(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-07) lion(learningRate: 0.001, beta1: 0.9, beta2: 0.99) adamw(learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-07, amsgrad: false)
let chosen: [Optimizer] = [.adam, "sgd", Adam(learningRate: 0.01, clipnorm: 1.0), SGD(learningRate: ExponentialDecay(initialLearningRate: 0.1, decaySteps: 100, decayRate: 0.9))]
print(chosen.count, chosen[2].learningRate, chosen[0].iterations)
// expect: 4 0.01 0
let cosine = CosineDecay(initialLearningRate: 0.01, decaySteps: 1000, alpha: 0.1)
print(Adam(learningRate: cosine).iterations)
// expect: 0
