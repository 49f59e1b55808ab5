let m = -9223372036854775807 - 1
print(-m)
// error: 2:7: arithmetic overflow: -(-9223372036854775808) does not fit in an Int
