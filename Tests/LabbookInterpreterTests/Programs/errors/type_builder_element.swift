let m = Model {
    Dense(1)
    42
}
// error: 3:5: this builder collects 'Layer' values, but this statement gives a 'Int'
