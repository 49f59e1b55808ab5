let layer = Reshape([Int.max, -1, 2])
// error: 1:13: Reshape's target shape [9223372036854775807, -1, 2] would need more than 9223372036854775807 values, far more than the limit of 1073741824
