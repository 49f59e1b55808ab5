let d = Dense("ten")
// error: 1:15: cannot convert value of type 'String' to expected argument type 'Int' (parameter 'units' of 'Dense')
