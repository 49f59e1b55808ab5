print(String(format: "%d", "x"))
// error: 1:7: '%d' in String(format:) needs an Int, found 'String'
