for x [1, 2] { }
// error: 1:7: expected 'in' after the 'for' pattern, found '['
