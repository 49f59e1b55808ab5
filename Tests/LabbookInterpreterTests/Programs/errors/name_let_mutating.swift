let xs = [1]
xs.append(2)
// error: 2:1: cannot use mutating member 'append' on 'xs': it is a 'let' constant
