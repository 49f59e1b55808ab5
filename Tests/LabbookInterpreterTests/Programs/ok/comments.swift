// a line comment
/* a block comment /* nested */ still comment */
print(1) /* trailing */ // expect: 1
/*
 multi-line
*/
print(2) // expect: 2
