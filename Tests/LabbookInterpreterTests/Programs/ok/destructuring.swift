let (a, b) = (1, 2)
print(a, b)                       // expect: 1 2
let ((c, d), (e, f)) = ((1, 2), (3, 4))
print(c + d + e + f)              // expect: 10
let (_, second) = ("skip", "keep")
print(second)                     // expect: keep
var (x, y) = (0, 0)
x += 5
y -= 1
print(x, y)                       // expect: 5 -1
let ((trainX, trainY), (testX, testY)) = FakeData.loadData()
print(trainX.count, trainY, testX, testY)  // expect: 3 [0, 1, 2] Vec([4.0]) [1]
