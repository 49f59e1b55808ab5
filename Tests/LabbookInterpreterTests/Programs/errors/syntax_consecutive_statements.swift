let a = 1 let b = 2
// error: 1:11: consecutive statements on a line must be separated by ';'
