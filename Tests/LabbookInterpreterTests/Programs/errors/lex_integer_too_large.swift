let big = 99999999999999999999
// error: 1:11: integer literal is too large for an Int
