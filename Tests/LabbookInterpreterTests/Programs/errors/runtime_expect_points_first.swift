expect(points: 1, true)
// error: 1:1: expect takes a condition, an optional description and optional points: expect(x > 0, "x is positive", points: 0.5)
