let pair = (1, "one")
print(pair, pair.0, pair.1)                      // expect: (1, "one") 1 one
let result = (loss: 0.25, accuracy: 0.9)
print(result.loss, result.accuracy, result.0)    // expect: 0.25 0.9 0.25
print(result)                                    // expect: (loss: 0.25, accuracy: 0.9)
let nested = ((1, 2), (3, 4))
print(nested.1.0)                                // expect: 3
var mutable = (x: 1, y: 2)
mutable.x = 10
mutable.1 += 5
print(mutable)                                   // expect: (x: 10, y: 7)
func minMax(_ xs: [Int]) -> (min: Int, max: Int) { (xs.min()!, xs.max()!) }
let mm = minMax([3, 9, 1])
print(mm.min, mm.max)                            // expect: 1 9
print(())                                        // expect: ()
