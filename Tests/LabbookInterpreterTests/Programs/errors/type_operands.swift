let x = 1 + "a"
// error: 1:9: binary operator '+' cannot be applied to operands of type 'Int' and 'String'
