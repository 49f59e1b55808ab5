let layer = MaxPooling2D(poolSize: [2, 2, 2])
// error: 1:13: MaxPooling2D's poolSize is an Int or two Ints ([height, width]), not [2, 2, 2]
