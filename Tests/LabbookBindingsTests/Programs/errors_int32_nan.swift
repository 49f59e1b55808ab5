let t = Tensor([0.5, 0.0 / 0.0]).asType(.int32)
// error: 1:9: NaN cannot be converted to int32
