let name = "labbook"
print("hello, \(name)!")                 // expect: hello, labbook!
print("sum: \(1 + 2), list: \([1, 2])")   // expect: sum: 3, list: [1, 2]
print("tab\there")                       // expect: tab	here
print("quote \"q\" and backslash \\")     // expect: quote "q" and backslash \
print("nested \("inner \(1 + 1)")")      // expect: nested inner 2
print("\u{48}i")                         // expect: Hi
let s = """
    first line
      indented
    last \(name)
    """
print(s)
// expect: first line
// expect:   indented
// expect: last labbook
print(name.count, name.isEmpty, "".isEmpty)   // expect: 7 false true
print(name.uppercased(), "ABC".lowercased())   // expect: LABBOOK abc
print(name.hasPrefix("lab"), name.hasSuffix("x")) // expect: true false
print(name.contains("bbo"), name.contains("z"))    // expect: true false
print("a,b,,c".split(separator: ","))              // expect: ["a", "b", "c"]
print("abc".reversed())                            // expect: cba
print("a" + "b", "a" < "b")                        // expect: ab true
var t = "x"
t += "y"
print(t)                                           // expect: xy
