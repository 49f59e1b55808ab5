import CPNG

/// Decodes PNG bytes into a `Bitmap` through libpng's simplified API.
///
/// Any PNG libpng understands (gray, palette, 16-bit, interlaced) comes back as 8-bit RGBA.
/// Bytes that are not a valid PNG give a thrown `PNGError`, never a crash: the simplified API
/// catches libpng's errors itself instead of `longjmp`-ing through Swift.
public enum PNGReader {
    /// The largest image decoded (2¹⁶ × 2¹⁰ pixels): a corrupt header cannot ask for gigabytes.
    static let maxPixels = 1 << 26

    /// The pixels of the PNG in `bytes`.
    public static func decode(_ bytes: [UInt8]) throws -> Bitmap {
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        return try bytes.withUnsafeBytes { input -> Bitmap in
            guard png_image_begin_read_from_memory(&image, input.baseAddress, input.count) != 0 else {
                throw PNGError.libpng(libpngMessage(&image))
            }
            image.format = png_uint_32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)
            let width = Int(image.width), height = Int(image.height)
            guard width * height <= maxPixels else {
                png_image_free(&image)
                throw PNGError.tooLarge(width: width, height: height)
            }
            var rgba = [UInt8](repeating: 0, count: width * height * 4)
            let finished = rgba.withUnsafeMutableBytes { out in
                png_image_finish_read(&image, nil, out.baseAddress, 0, nil)
            }
            // finish_read frees libpng's memory itself, on success and on failure.
            guard finished != 0 else { throw PNGError.libpng(libpngMessage(&image)) }
            return Bitmap(width: width, height: height, rgba: rgba)
        }
    }
}
