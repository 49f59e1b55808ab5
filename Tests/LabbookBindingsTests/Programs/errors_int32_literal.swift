let big = Tensor([2147483647]) + Tensor([1])
// error: 1:11: value 2147483647 does not fit in int32 (-16777215...16777215, the whole numbers its Float32 storage holds exactly); write it as a Double (2147483647.0) to make a float32 tensor
