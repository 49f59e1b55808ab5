// A closed range of Doubles is the pair of its bounds; an Int range stays a range.
let unit = 0.5...1.0
print(unit)                                               // expect: (lowerBound: 0.5, upperBound: 1.0)
print(unit.lowerBound, unit.upperBound)                   // expect: 0.5 1.0
func span(_ bounds: (Double, Double)) -> Double { bounds.1 - bounds.0 }
print(span(0...1), span(0.25...1))                        // expect: 1.0 0.75
