let model = Model {
    Dense(3)
    Dnese(2)
}
// error: 3:5: unknown name 'Dnese'; did you mean 'Dense'?
