let x = crashing()
// error: 1:9: the engine gave up
