let t = Tensor([1, 2, 3]) + Tensor([1, 2])
// error: 1:9: cannot add tensors of shapes [3] and [2]: their shapes do not broadcast (each axis, from the last, must be equal or 1)
