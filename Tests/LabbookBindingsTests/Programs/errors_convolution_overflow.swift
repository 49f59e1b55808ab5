let model = Sequential {
    Input(shape: [28, 28, 1])
    Conv2D(8, kernelSize: Int.max, strides: Int.max, padding: "same")
}
// error: 1:13: the model (at layer 'conv2d') would need more than 9223372036854775807 values, far more than the limit of 100000000
