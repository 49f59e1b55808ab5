print(Int(1e300))
// error: 1:7: 1e+300 cannot be converted to an Int: it is not finite or too large
