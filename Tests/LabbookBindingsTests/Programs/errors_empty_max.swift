let scores = Tensor(zeros: [0])
print(scores.sum())
// expect: 0.0
print(scores.max())
// error: 4:7: max() has no value: the tensor of shape [0] is empty, and max, min and argmax need at least one element
