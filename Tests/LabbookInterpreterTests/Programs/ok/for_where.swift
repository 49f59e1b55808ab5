for x in [1, 2, 3, 4, 5, 6] where x % 2 == 0 { print(x) }  // expect: 2
                                                          // expect: 4
                                                          // expect: 6
var total = 0
for i in 0..<10 where i > 6 { total += i }
print(total)                                              // expect: 24
for (name, score) in [("ana", 7), ("ben", 4)] where score >= 5 && name != "" { print(name) }  // expect: ana
