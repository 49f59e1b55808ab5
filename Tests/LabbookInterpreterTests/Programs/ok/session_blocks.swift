let base = 10
var acc = [1]
func addTo(_ n: Int) -> Int { n + base }
// --- second block sees the first
acc.append(addTo(5))
print(acc)              // expect: [1, 15]
// --- a block can redefine a top-level name, as a re-run cell does
let base = 100
print(addTo(1))         // expect: 101
// --- names bound before an error stay bound
let kept = "kept"
let boom = [1][5]       // error: 12:12: index 5 is out of range for an array of 1 element
// --- the next block runs
print(kept)             // expect: kept
