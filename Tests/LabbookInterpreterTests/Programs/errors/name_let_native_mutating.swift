let v = Vec([1])
v.scale(by: 2)
// error: 2:1: cannot use mutating member 'scale' on 'v': it is a 'let' constant
