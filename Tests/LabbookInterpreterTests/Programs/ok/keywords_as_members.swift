let a: Action = .continue
print(a, Action.stop)             // expect: continue stop
print(a == .continue, a == .stop) // expect: true false
