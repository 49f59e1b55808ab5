let model = Sequential([Input(shape: [2]), Dense(Int.max)])
// error: 1:13: the model (at layer 'dense') would need more than 9223372036854775807 values, far more than the limit of 100000000
