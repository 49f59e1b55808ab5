if 1 { }
// error: 1:4: a condition must be a Bool, found 'Int'
