var stack = [1, 2, 3]
while let top = stack.last {
    print(top)
    stack.removeLast()
}
// expect: 3
// expect: 2
// expect: 1
