let n = 12abc
// error: 1:9: invalid number literal
