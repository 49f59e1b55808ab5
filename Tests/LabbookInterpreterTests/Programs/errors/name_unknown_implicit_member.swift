let d = Dense(3, activation: .rleu)
// error: 1:30: type 'Activation' has no member 'rleu'; did you mean '.relu'?
