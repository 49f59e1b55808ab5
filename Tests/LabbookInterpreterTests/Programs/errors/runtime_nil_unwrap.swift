let d = ["a": 1]
print(d["b"]!)
// error: 2:7: unexpectedly found nil while unwrapping an optional value
