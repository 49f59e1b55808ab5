let pixels = Tensor([300, 20]).asType(.uint8)
// error: 1:14: value 300 does not fit in uint8 (0...255)
