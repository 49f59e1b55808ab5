import CBuiltins

/// Eight xoshiro256** generators stepped together in SIMD, each lane one stretch of a single
/// ``RandomStream``: lane j starts where the stream stands after `offsets[j]` draws, so the
/// lanes' draws are that stream's draws, made eight at a time (a long mask costs a few
/// vector instructions a draw instead of a dozen scalar ones).
struct RandomLanes {
    typealias Words = SIMD8<UInt64>
    /// The four state words of xoshiro256, lane j being generator j.
    private var s0: Words, s1: Words, s2: Words, s3: Words
    /// The shift counts of xoshiro's two rotations (left 7 and 45), as run-time values: from
    /// constants LLVM recognizes a rotation, which AVX2 lacks for 64-bit lanes, and rotates one
    /// lane at a time in scalar registers (three times slower in all).
    private let left7 = labbook_opaque(7), right57 = labbook_opaque(57)
    private let left45 = labbook_opaque(45), right19 = labbook_opaque(19)

    /// The lanes of `stream` jumped ahead: lane j by `first + j·stretch` draws. The jumps share
    /// one pass over the stream's next 256 states: lane j adds up the states its own jump
    /// polynomial selects (RandomStream+Jump.swift), all lanes at once. Nothing is allocated
    /// (a training step makes these for every chunk of every Dropout layer).
    init(_ stream: RandomStream, first: Int, stretch: Int) {
        precondition(first >= 0 && stretch >= 0, "lanes ahead of the stream")
        // The jump polynomials' words, word w of lane j at coefficients.w[j].
        var coefficients = (Words(), Words(), Words(), Words())
        for lane in 0..<Words.scalarCount {
            let words = JumpPolynomial.power(first + lane * stretch).words
            (coefficients.0[lane], coefficients.1[lane], coefficients.2[lane], coefficients.3[lane]) =
                (words[0], words[1], words[2], words[3])
        }
        var state = stream
        var sums = (Words(), Words(), Words(), Words())
        for word in 0..<4 {
            let bits = word == 0 ? coefficients.0 : word == 1 ? coefficients.1 : word == 2 ? coefficients.2 : coefficients.3
            for bit in 0..<UInt64(64) {
                let selected = Words() &- ((bits &>> bit) & 1)
                sums.0 ^= Words(repeating: state.state.0) & selected
                sums.1 ^= Words(repeating: state.state.1) & selected
                sums.2 ^= Words(repeating: state.state.2) & selected
                sums.3 ^= Words(repeating: state.state.3) & selected
                _ = state.next()
            }
        }
        (s0, s1, s2, s3) = sums
    }

    /// The next draw of every lane: `RandomStream.next()` lane by lane, with the multiplications
    /// by 5 and 9 written as shifts and adds (exact in wrapping arithmetic).
    @inline(__always)
    mutating func next() -> Words {
        let times5 = s1 &+ (s1 &<< 2)
        let rotated = (times5 &<< left7) | (times5 &>> right57)
        let result = rotated &+ (rotated &<< 3)
        let t = s1 &<< 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = (s3 &<< left45) | (s3 &>> right19)
        return result
    }

    /// Lane `lane` as a scalar stream, standing where that lane stands.
    func lane(_ lane: Int) -> RandomStream { RandomStream(state: (s0[lane], s1[lane], s2[lane], s3[lane])) }
}
