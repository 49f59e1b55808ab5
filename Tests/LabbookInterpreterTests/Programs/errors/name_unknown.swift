print(zzzzqqq)
// error: 1:7: unknown name 'zzzzqqq'
