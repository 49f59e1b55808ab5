for x in 5 { }
// error: 1:10: for-in needs a sequence (array, range, dictionary, string, tensor), found 'Int'
