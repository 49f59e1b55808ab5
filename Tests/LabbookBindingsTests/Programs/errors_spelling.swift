let d = Dense(4, activation: "rellu")
// error: 1:30: "rellu" is not a known Activation; did you mean "relu"?
