if true {
    let inner = 1
}
print(inner)
// error: 4:7: unknown name 'inner'
