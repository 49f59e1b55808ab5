let xs = [1]
print(xs.cuont)
// error: 2:7: value of type '[Int]' has no member 'cuont'; did you mean 'count'?
