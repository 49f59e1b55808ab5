import Testing
@testable import LabbookEngine

/// An integer tensor holds only whole numbers its dtype represents exactly (`DType`): every
/// conversion or operation that would wrap around, round or keep NaN is refused with a message.
@Suite struct DTypeTests {
    static let int32Range = "(-16777215...16777215, the whole numbers its Float32 storage holds exactly)"

    @Test(arguments: [
        ([300] as [Float], DType.uint8, "value 300 does not fit in uint8 (0...255)"),
        ([-1.5], .uint8, "value -1.5 does not fit in uint8 (0...255)"),
        ([.nan], .int32, "NaN cannot be converted to int32"),
        ([-.infinity], .uint8, "-inf cannot be converted to uint8"),
        ([16_777_216], .int32, "value 16777216 does not fit in int32 " + int32Range),
        ([2e9], .int32, "value 2000000000 does not fit in int32 " + int32Range),
    ])
    func asTypeRefusesValuesTheDTypeCannotHold(_ values: [Float], _ dtype: DType, _ message: String) {
        let error = #expect(throws: EngineError.self) { try Tensor(values).asType(dtype) }
        #expect(error?.description == message)
    }

    /// Within range, astype truncates toward zero, as NumPy's does.
    @Test func asTypeTruncatesValuesWithinRange() throws {
        #expect(try Tensor([255.9, 0.5, -0.5]).asType(.uint8).scalars == [255, 0, 0])
        #expect(try Tensor([-16_777_215, 3.9]).asType(.int32).scalars == [-16_777_215, 3])
        #expect(try Tensor([7, 200], dtype: .int32).asType(.uint8).dtype == .uint8)
    }

    @Test func integerTensorsAreMadeOnlyFromValuesTheyHold() {
        let error = #expect(throws: EngineError.self) { try Tensor([2_147_483_648], dtype: .int32) }
        #expect(error?.description == "value 2147483648 does not fit in int32 \(Self.int32Range); use float32 for larger numbers")
        #expect(throws: EngineError.valueDoesNotFit(256, dtype: .uint8)) { try Tensor(shape: [1], dtype: .uint8) { $0[0] = 256 } }
    }

    /// int32 arithmetic whose result leaves the range is an error suggesting float32; the same
    /// operation on float32 tensors goes on.
    @Test(arguments: [
        // 16777215 + 2 = 16777217 rounds to 16777216 in Float32: still outside the range.
        (ElementwiseOperation.add, [16_777_215] as [Float], [2] as [Float], "int32 add gives 16777216"),
        (.multiply, [4097], [4096], "int32 multiply gives 16781312"),
        (.subtract, [-16_777_215], [16_777_215], "int32 subtract gives -33554430"),
    ])
    func integerArithmeticOutOfRangeIsAnError(_ op: ElementwiseOperation, _ a: [Float], _ b: [Float], _ start: String) throws {
        let x = try Tensor(a, dtype: .int32), y = try Tensor(b, dtype: .int32)
        let error = #expect(throws: EngineError.self) { try Tensor.elementwise(x, y, op) }
        #expect(error?.description == start + ", which does not fit in int32 \(Self.int32Range); convert first with .asType(.float32)")
        #expect(try Tensor.elementwise(x.asType(.float32), y, op).dtype == .float32)
    }

    @Test func anIntScalarWithAnIntegerTensorMustFitInt32() throws {
        let t = try Tensor([1, 2], dtype: .int32)
        let error = #expect(throws: EngineError.self) { try Tensor.elementwise(t, scalar: 100_000_001, isInteger: true, .less) }
        #expect(error?.description == "value 100000001 does not fit in int32 \(Self.int32Range); "
            + "write it as a Double, or convert the tensor first with .asType(.float32)")
        // With a float32 tensor the Int is a float32 operand, as NumPy takes it.
        #expect(try Tensor.elementwise(t.asType(.float32), scalar: 100_000_001, isInteger: true, .multiply).dtype == .float32)
    }

    @Test func anIntegerSumAlongAnAxisMustFitInt32() throws {
        let t = try Tensor([10_000_000, 10_000_000], shape: [2, 1], dtype: .int32)
        let error = #expect(throws: EngineError.self) { try t.reduce(.sum, axis: 0) }
        #expect(error?.description == "int32 sum gives 20000000, which does not fit in int32 \(Self.int32Range); "
            + "convert first with .asType(.float32)")
        #expect(try t.reduce(.sum) == 20_000_000)
    }
}
