expect(true, "x", points: "two")
// error: 1:19: cannot convert value of type 'String' to expected argument type 'Double' (parameter 'points' of 'expect')
