let t = Tensor([1, 2, 3])
print(t[Int.max...Int.max])
// error: 2:7: index 9223372036854775807 is out of range for axis 0 of size 3
