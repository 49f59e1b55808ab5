let ran = train(epochs: 10, onEpochEnd: { epoch, loss in
    if loss <= 0.25 {
        print("stopping after \(epoch + 1) epochs")
        return .stop
    }
    return .continue
})
// expect: stopping after 4 epochs
print(ran)                           // expect: 4
var seen: [Int] = []
let all = train(epochs: 3) { epoch, _ in
    seen.append(epoch)
}
print(all, seen)                     // expect: 3 [0, 1, 2]
print(train(epochs: 2))              // expect: 2
func stopAtOnce(_ e: Int, _ l: Double) -> Action { .stop }
print(train(epochs: 5, onEpochEnd: stopAtOnce))   // expect: 1
