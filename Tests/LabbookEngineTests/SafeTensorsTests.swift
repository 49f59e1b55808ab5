import Foundation
import Testing
@testable import LabbookEngine

/// The safetensors reader and writer: round trips, byte-for-byte agreement with Python's
/// `safetensors` package, and an error for each way a file can be malformed.
@Suite struct SafeTensorsTests {
    static let sample: [(name: String, tensor: Tensor)] = [
        ("dense/kernel", try! Tensor([-0.5, -0.25, 0, 0.25, 0.5, 0.75], shape: [2, 3])),
        ("dense/bias", try! Tensor([1.5, -2.25, 3.0e-8, .greatestFiniteMagnitude, -.infinity, .nan])),
        ("scalar", try! Tensor([3.25], shape: [])),
        ("empty", try! Tensor([], shape: [0, 3])),
        ("steps", try! Tensor([7, -3, 2_147_483, -16_777_215], dtype: .int32)),
        ("pixels", try! Tensor([0, 255, 128, 1], shape: [2, 2], dtype: .uint8)),
    ]

    @Test func roundTripsEveryDType() throws {
        let metadata = ["format": "labbook", "architecture": #"{"layers": ["Dense"]}"#, "unicode": "é\u{1F600}\n\t\"\\\u{01}"]
        let bytes = try SafeTensors.encode(Self.sample, metadata: metadata)
        let file = try SafeTensors.decode(bytes, file: "sample.safetensors")
        #expect(file.metadata == metadata)
        #expect(file.tensors.map(\.name) == Self.sample.map(\.name))
        for ((_, read), (name, written)) in zip(file.tensors, Self.sample) {
            #expect(read.shape == written.shape, "\(name)")
            #expect(read.dtype == written.dtype, "\(name)")
            // Bit patterns, so that NaN compares equal to itself.
            #expect(read.scalars.map(\.bitPattern) == written.scalars.map(\.bitPattern), "\(name)")
        }
        #expect(file["steps"]?.scalars == [7, -3, 2_147_483, -16_777_215])
        #expect(file["missing"] == nil)
    }

    @Test func keepsTheOrderOfEmptyTensorsThatShareAnOffset() throws {
        let empty = try Tensor([], shape: [0])
        let tensors = [("z", empty), ("y", empty), ("a", try Tensor([1, 2])), ("x", empty)]
        let file = try SafeTensors.decode(try SafeTensors.encode(tensors), file: "order")
        #expect(file.tensors.map(\.name) == ["z", "y", "a", "x"])
    }

    @Test func writesTheSameBytesWhateverTheMetadataOrder() throws {
        let bytes = try SafeTensors.encode(Self.sample, metadata: ["b": "2", "a": "1", "c": "3"])
        var reordered: [String: String] = [:]
        for key in ["c", "a", "b"] { reordered[key] = ["a": "1", "b": "2", "c": "3"][key] }
        #expect(try SafeTensors.encode(Self.sample, metadata: reordered) == bytes)

        let length = bytes[0..<8].reversed().reduce(0) { $0 << 8 | Int($1) }
        #expect(length % 8 == 0)
        let header = String(decoding: bytes[8..<(8 + length)], as: UTF8.self)
        #expect(header.hasPrefix(#"{"__metadata__":{"a":"1","b":"2","c":"3"},"dense/kernel":{"dtype":"F32","shape":[2,3],"data_offsets":[0,24]},"#))
        #expect(bytes.count == 8 + length + 24 + 24 + 4 + 0 + 16 + 4)
    }

    @Test func emptyFileHasAnEmptyObject() throws {
        let bytes = try SafeTensors.encode([])
        #expect(bytes == [8, 0, 0, 0, 0, 0, 0, 0] + Array("{}      ".utf8))
        let file = try SafeTensors.decode(bytes, file: "empty")
        #expect(file.tensors.isEmpty && file.metadata.isEmpty)
    }

    /// `Fixtures/python-written.safetensors` was written once by Python's safetensors 0.8.0:
    ///
    ///     import numpy as np
    ///     from safetensors.numpy import save_file
    ///     tensors = {
    ///         "dense/kernel": (np.arange(6, dtype=np.float32).reshape(2, 3) / 4 - 0.5),
    ///         "dense/bias": np.array([1.5, -2.25, 3.0e-8], dtype=np.float32),
    ///         "scalar": np.array(3.25, dtype=np.float32),
    ///         "empty": np.zeros((0, 3), dtype=np.float32),
    ///         "steps": np.array([7, -3, 2147483], dtype=np.int32),
    ///         "pixels": np.array([[0, 255], [128, 1]], dtype=np.uint8),
    ///     }
    ///     save_file(tensors, "python-written.safetensors", metadata={"format": "labbook-test"})
    ///
    /// Python orders the tensors by dtype, then by name. Given that order, our writer produces
    /// the very same bytes.
    @Test func readsAndReproducesAFileWrittenByPython() throws {
        let url = try #require(Bundle.module.url(forResource: "python-written", withExtension: "safetensors",
                                                 subdirectory: "Fixtures"))
        let file = try SafeTensors.read(url.path)
        #expect(file.metadata == ["format": "labbook-test"])
        #expect(file.tensors.map(\.name) == ["dense/bias", "dense/kernel", "empty", "scalar", "steps", "pixels"])
        #expect(file["dense/kernel"] == (try Tensor([-0.5, -0.25, 0, 0.25, 0.5, 0.75], shape: [2, 3])))
        #expect(file["dense/bias"] == (try Tensor([1.5, -2.25, 3.0e-8])))
        #expect(file["scalar"] == (try Tensor([3.25], shape: [])))
        #expect(file["empty"] == (try Tensor([], shape: [0, 3])))
        #expect(file["steps"] == (try Tensor([7, -3, 2_147_483], dtype: .int32)))
        #expect(file["pixels"] == (try Tensor([0, 255, 128, 1], shape: [2, 2], dtype: .uint8)))

        let original = try [UInt8](Data(contentsOf: url))
        #expect(try SafeTensors.encode(file.tensors, metadata: file.metadata) == original)
    }

    /// Python's safetensors reads what we write (skipped where it is not installed:
    /// `pip install safetensors numpy`).
    @Test(.enabled(if: pythonHasSafetensors)) func pythonReadsOurFiles() throws {
        let folder = try temporaryFolder()
        let path = folder + "/ours.safetensors"
        try SafeTensors.write(Array(Self.sample.prefix(3)) + Array(Self.sample.suffix(2)),
                              metadata: ["format": "labbook", "note": "é"], to: path)
        let script = """
            import json, sys
            from safetensors import safe_open
            with safe_open(sys.argv[1], framework="np") as f:
                out = {"metadata": f.metadata(), "tensors": {}}
                for k in f.keys():
                    t = f.get_tensor(k)
                    out["tensors"][k] = [str(t.dtype), list(t.shape), t.flatten().tolist()]
            print(json.dumps(out, sort_keys=True))
            """
        let output = try runPython(script, arguments: [path])
        #expect(output == """
            {"metadata": {"format": "labbook", "note": "\\u00e9"}, "tensors": {\
            "dense/bias": ["float32", [6], [1.5, -2.25, 2.999999892949745e-08, 3.4028234663852886e+38, -Infinity, NaN]], \
            "dense/kernel": ["float32", [2, 3], [-0.5, -0.25, 0.0, 0.25, 0.5, 0.75]], \
            "pixels": ["uint8", [2, 2], [0, 255, 128, 1]], \
            "scalar": ["float32", [], [3.25]], \
            "steps": ["int32", [4], [7, -3, 2147483, -2147483648]]}}

            """)
    }

    @Test func writesAtomicallyAndNamesUnwritablePaths() throws {
        let folder = try temporaryFolder()
        let path = folder + "/model.safetensors"
        try SafeTensors.write(Self.sample, to: path)
        try SafeTensors.write(Array(Self.sample.prefix(1)), metadata: ["v": "2"], to: path)
        let file = try SafeTensors.read(path)
        #expect(file.tensors.map(\.name) == ["dense/kernel"] && file.metadata == ["v": "2"])
        // Nothing but the file itself is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["model.safetensors"])

        let nowhere = folder + "/no/such/folder/model.safetensors"
        expectDataError(containing: ["cannot write \(nowhere): No such file or directory"]) {
            try SafeTensors.write(Self.sample, to: nowhere)
        }
        expectDataError(containing: ["cannot read \(folder)/absent.safetensors"]) {
            _ = try SafeTensors.read(folder + "/absent.safetensors")
        }
    }

    @Test func refusesTensorsItCannotWrite() throws {
        let one = try Tensor([1])
        #expect(throws: EngineError.self) { try SafeTensors.encode([("a", one), ("a", one)]) }
        #expect(throws: EngineError.self) { try SafeTensors.encode([("__metadata__", one)]) }
        #expect(throws: EngineError.self) { try SafeTensors.encode([("", one)]) }
        // An integer tensor holding what its dtype cannot store cannot even be made (`DType`).
        #expect(throws: EngineError.valueDoesNotFit(300, dtype: .uint8, hint: "use float32 for larger numbers")) {
            try SafeTensors.encode([("p", try Tensor([300], dtype: .uint8))])
        }
        #expect(throws: EngineError.self) { try SafeTensors.encode([("i", try Tensor([0.5], dtype: .int32))]) }
    }

    /// Each malformed file is refused with a message that names it and says what is wrong.
    @Test(arguments: [
        ("too short", [1, 2, 3], "it has 3 bytes, fewer than the 8 that give the header's length"),
        ("header past end", [0xE8, 3, 0, 0, 0, 0, 0, 0] + Array("{}".utf8),
         "its header length (1000 bytes) runs past the end of the file (10 bytes)"),
        ("huge header length", [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7B],
         "its header length (18446744073709551615 bytes) runs past the end of the file (9 bytes)"),
        ("array header", made("[1]"), "its header is not a JSON object"),
        ("bad JSON", made(#"{"a":}"#), "its header is not valid JSON: expected a value (at byte 13)"),
        ("unclosed", made(#"{"a": {"dtype": "F32""#), "its header is not valid JSON: expected ',' or '}' in an object"),
        ("trailing text", made("{} x"), "unexpected text after the JSON value"),
        ("bad UTF-8", made("{\"\u{FF}\": 1}", raw: [0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]), "a string is not valid UTF-8"),
        ("deep nesting", made(#"{"a":"# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"),
         "values nested more than 64 deep"),
        ("duplicate key", made(#"{"a": {}, "a": {}}"#), #"the key "a" appears twice"#),
        ("metadata not strings", made(#"{"__metadata__": {"epochs": 3}}"#),
         #"its "__metadata__" must map names to strings, but the value of "epochs" is a number, not a string"#),
        ("entry not object", made(#"{"w": [1]}"#), #"the entry for tensor "w" is malformed: it is an array, not an object"#),
        ("no dtype", made(#"{"w": {"shape": [1], "data_offsets": [0, 4]}}"#, data: 4), #"it has no "dtype""#),
        ("F16", made(#"{"w": {"dtype": "F16", "shape": [1], "data_offsets": [0, 2]}}"#, data: 2),
         #"tensor "w" has dtype F16, which labbook does not read (it reads F32, I32, U8)"#),
        ("unknown dtype", made(#"{"w": {"dtype": "Q7", "shape": [1], "data_offsets": [0, 4]}}"#, data: 4),
         #"tensor "w" has the unknown dtype "Q7""#),
        ("negative size", made(#"{"w": {"dtype": "F32", "shape": [-1], "data_offsets": [0, 4]}}"#, data: 4),
         #"its "shape" holds something other than whole numbers ≥ 0"#),
        ("fractional size", made(#"{"w": {"dtype": "F32", "shape": [1.0], "data_offsets": [0, 4]}}"#, data: 4),
         #"its "shape" holds something other than whole numbers ≥ 0"#),
        ("boolean size", made(#"{"w": {"dtype": "F32", "shape": [true], "data_offsets": [0, 4]}}"#, data: 4),
         #"its "shape" holds something other than whole numbers ≥ 0"#),
        ("three offsets", made(#"{"w": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4, 8]}}"#, data: 8),
         #"its "data_offsets" has 3 numbers, not 2"#),
        ("reversed offsets", made(#"{"w": {"dtype": "F32", "shape": [0], "data_offsets": [4, 0]}}"#, data: 4),
         "end before they begin"),
        ("offsets past end", made(#"{"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}"#, data: 4),
         #"tensor "w" has data_offsets [0, 8], past the end of the data section (4 bytes)"#),
        ("size mismatch", made(#"{"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 4]}}"#, data: 4),
         #"tensor "w" is F32 of shape [2], which takes 8 bytes, but its data_offsets span 4"#),
        ("huge shape", made(#"{"w": {"dtype": "U8", "shape": [4294967296, 4294967296], "data_offsets": [0, 0]}}"#),
         "is larger than a tensor may be"),
        ("overlap", made(#"{"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}, "b": {"dtype": "F32", "shape": [2], "data_offsets": [4, 12]}}"#, data: 12),
         #"the data of tensors "a" and "b" overlap"#),
        ("gap", made(#"{"a": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}, "b": {"dtype": "F32", "shape": [1], "data_offsets": [8, 12]}}"#, data: 12),
         #"bytes 4..<8 of the data section, before tensor "b", belong to no tensor"#),
        ("unused data", made(#"{"a": {"dtype": "U8", "shape": [4], "data_offsets": [0, 4]}}"#, data: 8),
         "the last 4 bytes of the data section belong to no tensor"),
    ] as [(String, [UInt8], String)])
    func refusesMalformedFiles(_ name: String, _ bytes: [UInt8], _ message: String) {
        expectDataError(containing: ["\(name).safetensors", message]) {
            _ = try SafeTensors.decode(bytes, file: "\(name).safetensors")
        }
    }

    /// An I32 value beyond what an int32 tensor holds exactly (`DType`) is refused by name, as
    /// stored, not rounded into the tensor.
    @Test func refusesInt32ValuesBeyondTheExactRange() {
        let bytes = made(#"{"w": {"dtype": "I32", "shape": [1], "data_offsets": [0, 4]}}"#) + [0, 0, 0, 0x80]
        let error = #expect(throws: EngineError.self) { try SafeTensors.decode(bytes, file: "w.safetensors") }
        #expect(error?.description == #"w.safetensors: tensor "w" holds the int32 value -2147483648, which labbook's int32 "#
            + "tensors cannot hold exactly (-16777215...16777215, the whole numbers its Float32 storage holds exactly)")
    }

    @Test func acceptsHeadersWithWhitespaceAndUnknownFields() throws {
        let bytes = made(#"{ "w" : { "data_offsets" : [ 0 , 4 ] , "shape" : [ 1 ] , "dtype" : "F32" , "note" : null } }  "#,
                         data: 4)
        let file = try SafeTensors.decode(bytes, file: "spaced")
        #expect(file["w"] == (try Tensor([0])))
    }

    @Test func jsonStringsEscapeLikeSerde() throws {
        #expect(SafeTensors.jsonString("a\"b\\c\n\u{01}é") == #""a\"b\\c\n\u0001é""#)
        #expect(try SafeTensors.JSONParser.parse(Array(#""\ud83d\ude00\u00e9\/""#.utf8)) == .string("\u{1F600}é/"))
    }
}

/// A safetensors file with the given header text (or raw header bytes) and `data` zero bytes.
private func made(_ header: String, raw: [UInt8]? = nil, data: Int = 0) -> [UInt8] {
    let headerBytes = raw ?? Array(header.utf8)
    return withUnsafeBytes(of: UInt64(headerBytes.count).littleEndian, Array.init) + headerBytes
        + [UInt8](repeating: 0, count: data)
}

/// Whether `python3` can import safetensors and numpy.
private let pythonHasSafetensors: Bool = (try? runPython("import numpy, safetensors", arguments: [])) != nil

/// Runs a Python script and returns what it printed; throws if it fails.
private func runPython(_ script: String, arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
    return String(decoding: data, as: UTF8.self)
}
