print(laterValue)
let laterValue = 1
// error: 1:7: unknown name 'laterValue'
