let v = Vec([1, 2])
print(v[5])
// error: 2:7: index 5 is out of range for a Vec of 2
