let x: Strng = "a"
// error: 1:16: unknown type 'Strng'; did you mean 'String'?
