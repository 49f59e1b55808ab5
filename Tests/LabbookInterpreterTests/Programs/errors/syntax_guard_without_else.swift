guard true { }
// error: 1:12: expected 'else' after the 'guard' condition, found '{'
