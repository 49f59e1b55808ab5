let c = Counter()
let alias = c
alias.increment()
c.increment()
print(c.value, alias.value)    // expect: 2 2
c.step = 5
c.increment()
print(alias)                   // expect: Counter(7)
func bump(_ counter: Counter) { counter.increment() }
bump(c)
print(c.value)                 // expect: 12
let counters = [Counter(), Counter()]
counters[0].increment()
print(counters)                // expect: [Counter(1), Counter(0)]
print(c == alias, c == Counter())  // expect: true false
