let d = Dense(3, activaton: .relu)
// error: 1:18: 'Dense' has no parameter labeled 'activaton:'; did you mean 'activation:'?
