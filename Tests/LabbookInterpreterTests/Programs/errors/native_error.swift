print("before")
failing("the data file is missing")
print("after")
// expect: before
// error: 2:1: the data file is missing
