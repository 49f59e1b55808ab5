import CPNG

/// Encodes bitmaps as PNG bytes through libpng's simplified API.
///
/// The simplified API (`png_image_write_to_memory`) does its own `setjmp` inside libpng, so a
/// libpng error comes back as a return value instead of a `longjmp` through Swift frames.
/// Output is deterministic: no time or text chunks, and libpng's fixed default compression level
/// and filter heuristics, so the same bitmap always gives the same bytes.
public enum PNGWriter {
    /// The PNG encoding of `bitmap`: RGB when every pixel is opaque, RGBA otherwise.
    public static func encode(_ bitmap: Bitmap) throws -> [UInt8] {
        guard bitmap.width > 0, bitmap.height > 0 else {
            throw PNGError.emptyImage(width: bitmap.width, height: bitmap.height)
        }
        let opaque = bitmap.isOpaque
        let pixels = opaque ? rgb(of: bitmap) : bitmap.rgba
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        image.width = png_uint_32(bitmap.width)
        image.height = png_uint_32(bitmap.height)
        image.format = png_uint_32(opaque ? PNG_FORMAT_FLAG_COLOR : PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)

        return try pixels.withUnsafeBytes { buffer -> [UInt8] in
            // First pass: ask for the size; second pass: write into exactly that much memory.
            var size: png_alloc_size_t = 0
            guard png_image_write_to_memory(&image, nil, &size, 0, buffer.baseAddress, 0, nil) != 0 else {
                throw PNGError.libpng(libpngMessage(&image))
            }
            var bytes = [UInt8](repeating: 0, count: Int(size))
            let written = bytes.withUnsafeMutableBytes { out in
                png_image_write_to_memory(&image, out.baseAddress, &size, 0, buffer.baseAddress, 0, nil)
            }
            guard written != 0 else { throw PNGError.libpng(libpngMessage(&image)) }
            png_image_free(&image)
            return Array(bytes.prefix(Int(size)))
        }
    }

    private static func rgb(of bitmap: Bitmap) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(bitmap.width * bitmap.height * 3)
        for i in stride(from: 0, to: bitmap.rgba.count, by: 4) {
            out.append(contentsOf: bitmap.rgba[i..<i + 3])
        }
        return out
    }
}

/// The message libpng left in `image` after a failure, and the image's memory freed.
func libpngMessage(_ image: inout png_image) -> String {
    let text = withUnsafeBytes(of: image.message) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
    }
    png_image_free(&image)
    return text.isEmpty ? "unknown error" : text
}
