let c = Counter()
c.value = 3
// error: 2:1: cannot assign to property 'value': it is read-only
