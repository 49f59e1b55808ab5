extension SafeTensors {
    /// One tensor's entry in the header.
    struct TensorInfo {
        var name: String
        var type: ElementType
        var shape: [Int]
        var begin: Int
        var end: Int
        /// Its position in the header, which orders empty tensors that share an offset.
        var index: Int
    }

    /// Checks a whole file and turns it into tensors. Validation follows the reference
    /// implementation: the header fits in the file and is a JSON object; each entry has a known
    /// dtype, a shape and two offsets whose difference is exactly dtype size × element count;
    /// sorted by offset, the tensors cover the data section from its first byte to its last,
    /// without overlap or gap.
    struct Reader {
        let bytes: [UInt8]
        let file: String

        func read() throws -> SafeTensorsFile {
            guard bytes.count >= 8 else { throw EngineError.data(EngineMessages.headerLengthMissing(file, bytes: bytes.count)) }
            var length: UInt64 = 0
            for i in (0..<8).reversed() { length = length << 8 | UInt64(bytes[i]) }
            guard length <= UInt64(bytes.count - 8) else {
                throw EngineError.data(EngineMessages.headerPastEnd(file, length: length, fileSize: bytes.count))
            }
            let headerLength = Int(length)
            guard headerLength <= maximumHeaderLength else {
                throw EngineError.data(EngineMessages.headerTooLarge(file, length: headerLength, limit: maximumHeaderLength))
            }
            let header = Array(bytes[8..<(8 + headerLength)])
            guard header.first == UInt8(ascii: "{") else { throw EngineError.data(EngineMessages.headerNotObject(file)) }

            let json: JSON
            do {
                json = try JSONParser.parse(header)
            } catch let error as JSONError {
                throw EngineError.data(EngineMessages.invalidJSON(file, error.message, at: 8 + error.offset))
            }
            guard case let .object(members) = json else { throw EngineError.data(EngineMessages.headerNotObject(file)) }

            let dataStart = 8 + headerLength
            let dataSize = bytes.count - dataStart
            var metadata: [String: String] = [:]
            var infos: [TensorInfo] = []
            for (key, value) in members {
                if key == "__metadata__" {
                    metadata = try readMetadata(value)
                } else {
                    infos.append(try readInfo(key, value, index: infos.count, dataSize: dataSize))
                }
            }
            try checkLayout(&infos, dataSize: dataSize)

            let tensors = try infos.map { info in
                (name: info.name, tensor: try tensor(for: info, at: dataStart))
            }
            return SafeTensorsFile(tensors: tensors, metadata: metadata)
        }

        private func readMetadata(_ value: JSON) throws -> [String: String] {
            guard case let .object(pairs) = value else {
                throw EngineError.data(EngineMessages.metadataNotObject(file, kind: value.kind))
            }
            var metadata: [String: String] = [:]
            for (key, value) in pairs {
                guard case let .string(text) = value else {
                    throw EngineError.data(EngineMessages.metadataValueNotString(file, key: key, kind: value.kind))
                }
                metadata[key] = text
            }
            return metadata
        }

        private func readInfo(_ name: String, _ value: JSON, index: Int, dataSize: Int) throws -> TensorInfo {
            guard case let .object(fields) = value else {
                throw EngineError.data(EngineMessages.entryNotObject(file, name, kind: value.kind))
            }
            func field(_ key: String) throws -> JSON {
                guard let found = fields.first(where: { $0.key == key }) else {
                    throw EngineError.data(EngineMessages.entryFieldMissing(file, name, key: key))
                }
                return found.value
            }
            func naturals(_ key: String) throws -> [Int] {
                guard case let .array(elements) = try field(key) else {
                    throw EngineError.data(EngineMessages.entryFieldNotArray(file, name, key: key))
                }
                return try elements.map { element in
                    guard case let .integer(n) = element, n >= 0 else {
                        throw EngineError.data(EngineMessages.entryFieldNotNaturals(file, name, key: key))
                    }
                    return n
                }
            }

            guard case let .string(dtype) = try field("dtype") else {
                throw EngineError.data(EngineMessages.entryDTypeNotString(file, name))
            }
            guard let type = ElementType(rawValue: dtype) else {
                throw EngineError.data(EngineMessages.unsupportedDType(file, name, dtype, known: otherDTypes.contains(dtype)))
            }
            let shape = try naturals("shape")
            let offsets = try naturals("data_offsets")
            guard offsets.count == 2 else {
                throw EngineError.data(EngineMessages.entryOffsetCount(file, name, count: offsets.count))
            }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin <= end else {
                throw EngineError.data(EngineMessages.entryOffsetsReversed(file, name, begin: begin, end: end))
            }
            guard end <= dataSize else {
                throw EngineError.data(EngineMessages.offsetsPastEnd(file, name, begin: begin, end: end, dataSize: dataSize))
            }
            // The element count, refused before it can overflow; the byte count follows from it.
            var count = 1
            for size in shape {
                let (product, overflow) = count.multipliedReportingOverflow(by: size)
                guard !overflow, product <= Tensor.elementLimit else {
                    throw EngineError.data(EngineMessages.entryShapeTooLarge(file, name, shape: shape))
                }
                count = product
            }
            guard end - begin == count * type.size else {
                throw EngineError.data(EngineMessages.dataSizeMismatch(file, name, dtype: dtype, shape: shape,
                                                                       needed: count * type.size, found: end - begin))
            }
            return TensorInfo(name: name, type: type, shape: shape, begin: begin, end: end, index: index)
        }

        /// Sorts the entries by offset and checks that they tile the data section exactly.
        private func checkLayout(_ infos: inout [TensorInfo], dataSize: Int) throws {
            infos.sort { ($0.begin, $0.end, $0.index) < ($1.begin, $1.end, $1.index) }
            var covered = 0
            var previous: String?
            for info in infos {
                if info.begin < covered, let previous {
                    throw EngineError.data(EngineMessages.tensorsOverlap(file, info.name, previous))
                }
                if info.begin > covered {
                    throw EngineError.data(EngineMessages.unclaimedBytes(file, before: info.name, from: covered, to: info.begin))
                }
                covered = info.end
                previous = info.name
            }
            guard covered == dataSize else {
                throw EngineError.data(EngineMessages.unusedData(file, bytes: dataSize - covered))
            }
        }

        private func tensor(for info: TensorInfo, at dataStart: Int) throws -> Tensor {
            try bytes.withUnsafeBytes { raw in
                let source = raw.baseAddress! + dataStart + info.begin
                return try Tensor(shape: info.shape, dtype: info.type.dtype) { target in
                    let count = target.count
                    switch info.type {
                    case .F32:
                        UnsafeMutableRawPointer(target.baseAddress!).copyMemory(from: source, byteCount: count * 4)
                    case .I32:
                        for i in 0..<count {
                            let value = Int32(littleEndian: source.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self))
                            // Checked here, so that the message names the value as stored (a value
                            // beyond the range still rounds to one beyond it).
                            guard DType.int32.holds(Float(value)) else {
                                throw EngineError.data(EngineMessages.int32OutOfRange(file, info.name, value: value))
                            }
                            target[i] = Float(value)
                        }
                    case .U8:
                        let bytes = source.assumingMemoryBound(to: UInt8.self)
                        for i in 0..<count { target[i] = Float(bytes[i]) }
                    }
                }
            }
        }
    }
}
