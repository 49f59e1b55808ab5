let schedule = CosineDecay(initialLearningRate: 0.01, decaySteps: 100, warmupTarget: 0.1, warmupSteps: -9223372036854775807)
// error: 1:16: warmupSteps must not be negative, not -9223372036854775807
