let layer = Conv2D(4, kernelSize: 3, padding: "full")
// error: 1:13: padding is "valid" or "same", not "full"
