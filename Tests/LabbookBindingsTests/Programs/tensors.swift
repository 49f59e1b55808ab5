let t = Tensor([[1, 2], [3, 4], [5, 6]])
print(t.shape, t.count, t.rank, t.dtype)
// expect: [3, 2] 6 2 int32
print(t.sum(), t.mean(), t.min(), t.max(), t.std() > 1.7)
// expect: 21 3.5 1 6 true
print(t.sum(axis: 0), t.mean(axis: 1))
// expect: [ 9 12] [1.5 3.5 5.5]
print(t.argmax(), t.argmax(axis: 1), t.reshaped(to: [2, 3]).shape, t.reshaped(to: [-1]).shape)
// expect: 5 [1 1 1] [2, 3] [6]
print(t[1], t[1, 0], t[0..<2].shape)
// expect: [3 4] 3 [2, 2]
let f = t.asType(.float32) * 0.5 + 1
print(f.dtype, f)
// expect: float32 [[1.5 2. ]
// expect:  [2.5 3. ]
// expect:  [3.5 4. ]]
print((t .> 2).sum(), (t .== Tensor([1, 4])).mean(), 10 - t[0], -t[2])
// expect: 4 0.3333333333333333 [9 8] [-5 -6]
print(Tensor(zeros: [2, 2]), Tensor.random(normal: [3], seed: 1).shape)
// expect: [[0. 0.]
// expect:  [0. 0.]] [3]
var total = 0
for row in t { total += row.max() }
print(total)
// expect: 12
