let t = Tensor(zeros: [Int.max, 2])
// error: 1:9: a tensor of shape [9223372036854775807, 2] would need more than 9223372036854775807 values, far more than the limit of 1073741824
