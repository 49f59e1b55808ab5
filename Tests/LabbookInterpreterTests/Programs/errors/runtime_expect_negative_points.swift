expect(true, "x", points: -1)
// error: 1:19: a test's points must be a number, zero or more, not -1.0
