func forever(_ n: Int) -> Int { forever(n + 1) }
print("before")
forever(0)
// expect: before
// error: 1:33: too much recursion: more than 200 nested calls
