var out: [String] = []
for i in 0..<3 {
    for j in 0..<3 {
        if j > i { break }
        if (i + j) % 2 == 1 { continue }
        out.append("\(i)\(j)")
    }
}
print(out)   // expect: ["00", "11", "20", "22"]
