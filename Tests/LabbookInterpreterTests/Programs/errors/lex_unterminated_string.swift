let s = "open
print(s)
// error: 1:9: unterminated string literal
