print(1)
/* never closed
// error: 2:1: unterminated '/*' comment
