var out: [String] = []
for i in 1...15 {
    if i % 15 == 0 { out.append("FizzBuzz") }
    else if i % 3 == 0 { out.append("Fizz") }
    else if i % 5 == 0 { out.append("Buzz") }
    else { out.append(String(i)) }
}
print(out.joined(separator: " "))  // expect: 1 2 Fizz 4 Buzz Fizz 7 8 Fizz Buzz 11 Fizz 13 14 FizzBuzz
