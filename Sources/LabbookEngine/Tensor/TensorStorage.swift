/// The memory behind tensors: one zero-initialised, 64-byte-aligned Float32 allocation, freed
/// when the last tensor viewing it goes away.
final class TensorStorage {
    let pointer: UnsafeMutablePointer<Float>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(1, capacity) * MemoryLayout<Float>.stride, alignment: 64)
        pointer = raw.bindMemory(to: Float.self, capacity: max(1, capacity))
        pointer.initialize(repeating: 0, count: max(1, capacity))
    }

    deinit { pointer.deallocate() }
}
