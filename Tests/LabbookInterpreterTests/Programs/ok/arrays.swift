var xs = [3, 1, 2]
print(xs, xs.count, xs.isEmpty)               // expect: [3, 1, 2] 3 false
print(xs.first!, xs.last!)                    // expect: 3 2
let empty: [Int] = []
print(empty.first, empty.isEmpty, empty)      // expect: nil true []
xs.append(4)
xs.insert(0, at: 0)
print(xs)                                     // expect: [0, 3, 1, 2, 4]
print(xs.remove(at: 1), xs)                   // expect: 3 [0, 1, 2, 4]
print(xs.removeLast(), xs.removeFirst(), xs)  // expect: 4 0 [1, 2]
xs.append(contentsOf: [7, 8])
print(xs)                                     // expect: [1, 2, 7, 8]
print(xs.contains(7), xs.contains(9))         // expect: true false
print(xs.contains { $0 > 7 })                 // expect: true
print(xs.firstIndex(of: 7)!, xs.firstIndex(of: 100))   // expect: 2 nil
print(xs.first(where: { $0 > 1 })!)           // expect: 2
print(xs.map { $0 * 2 }, xs.filter { $0 > 2 }) // expect: [2, 4, 14, 16] [7, 8]
print(xs.reduce(0, +), xs.reduce(1) { $0 * $1 })  // expect: 18 112
print([3, 1, 2].sorted(), [3, 1, 2].sorted(by: >))  // expect: [1, 2, 3] [3, 2, 1]
print(["b", "a"].sorted(), [1, 2, 3].reversed())   // expect: ["a", "b"] [3, 2, 1]
print([4, 9, 2].min()!, [4, 9, 2].max()!, [Int]().min())  // expect: 2 9 nil
print(["a", "b", "c"].joined(separator: "-"), ["x", "y"].joined())  // expect: a-b-c xy
print(xs.prefix(2), xs.suffix(1), xs.dropFirst(), xs.dropLast(2))  // expect: [1, 2] [8] [2, 7, 8] [1, 2]
print([1, 2, 3].allSatisfy { $0 > 0 })        // expect: true
print([1, 2, 3][1], [[1, 2], [3]][0][1])       // expect: 2 2
print([10, 20, 30, 40][1..<3], [10, 20, 30][0...1])  // expect: [20, 30] [10, 20]
var m = [[1, 2], [3, 4]]
m[1][0] = 30
m[0].append(5)
xs.removeAll()
print(m, xs)  // expect: [[1, 2, 5], [30, 4]] []
var srt = [5, 3, 4]
srt.sort()
print(srt)  // expect: [3, 4, 5]
print([1, 2].compactMap { $0 > 1 ? $0 : nil })  // expect: [2]
[1, 2].forEach { print($0) }
// expect: 1
// expect: 2
