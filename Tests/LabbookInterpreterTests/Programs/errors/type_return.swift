func f() -> Int { return "x" }
f()
// error: 1:19: cannot convert return value of type 'String' to return type 'Int' of 'f'
