print(1)
}
// error: 2:1: unexpected '}' without a matching '{'
