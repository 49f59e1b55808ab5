if true {
    print(1)
// error: 4:1: expected '}' to end the 'if' body, found the end of the block
