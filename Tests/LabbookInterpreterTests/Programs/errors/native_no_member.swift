let v = Vec([1])
print(v.summ())
// error: 2:7: value of type 'Vec' has no member 'summ'; did you mean 'sum'?
