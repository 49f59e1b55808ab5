func classify(_ n: Int) -> String {
    if n < 0 {
        return "negative"
    } else if n == 0 {
        return "zero"
    } else {
        return "positive"
    }
}
print(classify(-3), classify(0), classify(8))  // expect: negative zero positive
if true { print("one line") }                 // expect: one line
let dict = ["a": 1]
if let v = dict["a"] { print("found \(v)") }  // expect: found 1
if let v = dict["z"] { print(v) } else { print("missing") }  // expect: missing
