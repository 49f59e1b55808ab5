print("a\qb")
// error: 1:9: invalid escape sequence '\q' in string
