let v = Vec([1, 2]) + Vec([1, 2, 3])
// error: 1:9: cannot combine Vecs of 2 and 3 elements
