let a = Dense(3, activation: .relu)
let b = Dense(3, activation: "sigmoid")
let c = Dense(3, activation: .leakyRelu(alpha: 0.1))
let d = Dense(3, activation: "leaky_relu")
let e = Dense(3)
print(a, b, c, d, e)   // expect: Dense(3, relu) Dense(3, sigmoid) Dense(3, leakyRelu(0.1)) Dense(3, leakyRelu(0.3)) Dense(3, linear)
print(a.activation == .relu, b.activation == Activation.relu)  // expect: true false
let act: Activation = "relu"
print(act)             // expect: relu
let acts: [Activation] = [.relu, "sigmoid"]
print(acts)            // expect: [relu, sigmoid]
print(lossName(.crossentropy), lossName("crossentropy"), lossName(.crossentropy(fromLogits: true)))
// expect: crossentropy crossentropy crossentropy(logits)
print(Activation.leakyRelu(alpha: 0.2))   // expect: leakyRelu(0.2)
func pick(_ a: Activation = .sigmoid) -> Activation { a }
print(pick(), pick("relu"))               // expect: sigmoid relu
let chosen = true ? Activation.relu : .sigmoid
print(chosen)                             // expect: relu
print(lossName(Loss.crossentropy), Loss.crossentropy(fromLogits: true))  // expect: crossentropy crossentropy(logits)
