/// The values Winograd's transforms work on at once: eight channels (`SIMD8`), or one (`Float`,
/// the channels left over). The transforms only add, subtract and halve them, so both give the
/// same bits for a channel.
protocol TransformLanes {
    /// The `lanes` floats at `pointer`.
    init(loading pointer: UnsafePointer<Float>)
    /// Writes the `lanes` floats at `pointer`.
    func store(to pointer: UnsafeMutablePointer<Float>)
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    prefix static func - (a: Self) -> Self
    /// Half of each value (exact).
    func halved() -> Self
}

/// Loads and stores are VectorMath's.
extension SIMD8: TransformLanes where Scalar == Float {
    @inline(__always)
    func halved() -> Self { self * 0.5 }
}

extension Float: TransformLanes {
    @inline(__always)
    init(loading pointer: UnsafePointer<Float>) { self = pointer.pointee }

    @inline(__always)
    func store(to pointer: UnsafeMutablePointer<Float>) { pointer.pointee = self }

    @inline(__always)
    func halved() -> Self { self * 0.5 }
}
