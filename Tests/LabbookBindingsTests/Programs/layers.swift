print(Dense(128, activation: .sigmoid))
// expect: Dense(128, activation: .sigmoid)
print(Dense(8, activation: "relu", useBias: false, kernelInitializer: .heNormal(), biasInitializer: .zeros, kernelRegularizer: .l2(0.01)))
// expect: Dense(8, activation: .relu)
print(Flatten(inputShape: [28, 28]), Dropout(0.2), BatchNormalization(momentum: 0.9), Activation(.softmax), Reshape([28, 28, 1]))
// expect: Flatten() Dropout(0.2) BatchNormalization() Activation(.softmax) Reshape([28, 28, 1])
print(Input(shape: [4]), Dense(3, activation: .leakyRelu(alpha: 0.1)))
// expect: Input(shape: [4]) Dense(3, activation: .leakyRelu)
let activations: [Activation] = [.linear, .relu, .sigmoid, .tanh, .softmax, .elu, .selu, .leakyRelu, .gelu, .swish, .softplus, .softsign, .hardSigmoid]
print(activations.count, activations[7], "elu" == "elu")
// expect: 13 leaky_relu true
