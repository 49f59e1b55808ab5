3 = 4
// error: 1:1: cannot assign to this expression: expected a variable, a property or a subscript
