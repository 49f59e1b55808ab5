import Testing
import LabbookPlots

/// libpng through the simplified API: round trips, determinism, and bad input as errors.
@Suite struct PNGTests {
    /// A 3×2 bitmap with every alpha level kind: opaque, translucent, transparent.
    static let translucent = Bitmap(width: 3, height: 2, rgba: [
        255, 0, 0, 255, /**/ 0, 255, 0, 128, /**/ 0, 0, 255, 0,
        10, 20, 30, 255, /**/ 40, 50, 60, 1, /**/ 255, 255, 255, 255,
    ])

    static let opaque = Bitmap(width: 2, height: 2, rgba: [
        1, 2, 3, 255, /**/ 4, 5, 6, 255,
        7, 8, 9, 255, /**/ 250, 251, 252, 255,
    ])

    @Test(arguments: [translucent, opaque])
    func roundTripsThroughLibpng(_ bitmap: Bitmap) throws {
        let png = try PNGWriter.encode(bitmap)
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        #expect(try PNGReader.decode(png) == bitmap)
    }

    @Test func opaqueBitmapsAreWrittenWithoutAlpha() throws {
        let png = try PNGWriter.encode(Self.opaque)
        // IHDR's colour type (byte 25): 2 is RGB, 6 is RGBA.
        #expect(png[25] == 2)
        #expect(try PNGWriter.encode(Self.translucent)[25] == 6)
    }

    @Test func writesNoTimeOrTextChunks() throws {
        let png = try Figure.lineChart(.learningCurves(Samples.history)).renderPNG()
        let chunks = chunkTypes(png)
        #expect(chunks.first == "IHDR" && chunks.last == "IEND")
        #expect(!chunks.contains { ["tIME", "tEXt", "zTXt", "iTXt"].contains($0) })
    }

    @Test func sameBitmapGivesSameBytes() throws {
        #expect(try PNGWriter.encode(Self.translucent) == PNGWriter.encode(Self.translucent))
    }

    @Test func emptyBitmapIsAnError() {
        #expect(throws: PNGError.emptyImage(width: 0, height: 0)) {
            try PNGWriter.encode(Bitmap(width: 0, height: 0, rgba: []))
        }
    }

    @Test(arguments: [
        ("empty", [UInt8]()),
        ("not a PNG", Array("GIF89a, surely not a PNG".utf8)),
        ("signature only", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
    ])
    func badBytesThrowInsteadOfCrashing(_ name: String, bytes: [UInt8]) {
        #expect(throws: PNGError.self) { try PNGReader.decode(bytes) }
    }

    @Test func truncatedOrCorruptPNGThrows() throws {
        let png = try PNGWriter.encode(Self.opaque)
        #expect(throws: PNGError.self) { try PNGReader.decode(Array(png.prefix(png.count / 2))) }
        var corrupt = png
        corrupt[corrupt.count - 20] ^= 0xFF  // inside the IDAT data: its CRC no longer matches
        #expect(throws: PNGError.self) { try PNGReader.decode(corrupt) }
    }

    @Test func errorsCarryLibpngsMessage() {
        do {
            _ = try PNGReader.decode(Array("not a PNG at all".utf8))
            Issue.record("decoding text succeeded")
        } catch let PNGError.libpng(message) {
            #expect(!message.isEmpty && message != "unknown error")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    /// The four-letter type of every chunk, in order.
    private func chunkTypes(_ png: [UInt8]) -> [String] {
        var types: [String] = []
        var offset = 8
        while offset + 8 <= png.count {
            let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            types.append(String(decoding: png[offset + 4..<offset + 8], as: UTF8.self))
            offset += 12 + length
        }
        return types
    }
}
