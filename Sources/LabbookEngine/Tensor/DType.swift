/// The element type a tensor carries. Every tensor stores Float32; the integer dtypes mark data
/// that came in as integers (IDX images and labels are `uint8`, as Keras's `load_data` gives
/// them), so that indexing one element gives an Int and printing shows integers.
///
/// An integer tensor always holds whole numbers that its dtype can represent exactly, and the
/// engine refuses, with an error, anything that would break that instead of wrapping around or
/// rounding silently as NumPy's casts do (a student's bug should show, not hide):
/// - `uint8` holds 0...255;
/// - `int32` holds −16,777,215...16,777,215 (±(2^24 − 1)): int32's own range is ±2^31, but
///   Float32 storage holds every whole number only up to 2^24, so beyond that an int32 tensor
///   could not keep its values exact. 2^24 itself is left out because 2^24 + 1 rounds to it:
///   this way a result that leaves the range never looks like one inside it.
///
/// So `asType` to an integer dtype truncates toward zero (as NumPy's `astype`) and refuses NaN,
/// infinities and values out of range; integer arithmetic whose result leaves the range is an
/// error that suggests `.asType(.float32)`; a tensor made from integers out of range is an error.
public enum DType: String, Sendable, CaseIterable {
    case float32, int32, uint8

    /// Whether elements are whole numbers.
    public var isInteger: Bool { self != .float32 }

    /// The whole numbers an integer dtype holds exactly (nil for `float32`, which holds any Float).
    public var exactRange: ClosedRange<Float>? {
        switch self {
        case .float32: return nil
        case .int32: return -16_777_215...16_777_215
        case .uint8: return 0...255
        }
    }

    /// Whether `value` can be an element of a tensor of this dtype.
    @inline(__always)
    public func holds(_ value: Float) -> Bool {
        guard let range = exactRange else { return true }
        return range.contains(value) && value == value.rounded(.towardZero)
    }
}

extension Tensor {
    /// Throws for the first element that this tensor's dtype cannot hold; `hint` goes into
    /// the message.
    func checkValuesFitDType(hint: String? = nil) throws {
        guard dtype.isInteger else { return }
        let dtype = self.dtype
        try withUnsafeBufferPointer { values in
            for value in values where !dtype.holds(value) {
                throw EngineError.valueDoesNotFit(Double(value), dtype: dtype, hint: hint)
            }
        }
    }
}
