var i = 0
var total = 0
while i < 5 {
    total += i
    i += 1
}
print(total)         // expect: 10
var j = 10
repeat {
    j += 1
} while j < 5
print(j)             // expect: 11
var k = 0
while true {
    k += 1
    if k == 3 { continue }
    if k > 5 { break }
}
print(k)             // expect: 6
