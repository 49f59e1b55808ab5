let t = Tensor([16777215, 1])
print(t + 1)
// error: 2:7: int32 add gives 16777216, which does not fit in int32 (-16777215...16777215, the whole numbers its Float32 storage holds exactly); convert first with .asType(.float32)
