// timeout-ms: 50
print("started")
var i = 0
spin(1_000_000_000)
// expect: started
// error: 4:1: the block did not finish within its time limit of 0.05 seconds
