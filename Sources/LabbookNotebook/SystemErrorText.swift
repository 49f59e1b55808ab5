import Foundation

/// File-system errors in plain words ("no such file or folder", "permission denied", "is a
/// directory"...) for one-line messages, instead of an `NSError` dump such as
/// "Error Domain=NSCocoaErrorDomain Code=4 ...".
public enum SystemErrorText {
    /// What went wrong, from a Foundation (`CocoaError`, `POSIXError`) or any other error (which
    /// is shown by its own description).
    public static func describe(_ error: Error) -> String {
        let original = error, error = error as NSError
        // (The underlying error bridges as an `Error`, not always as an `NSError`.)
        if let underlying = (error.userInfo[NSUnderlyingErrorKey] as? Error).map({ $0 as NSError }),
           underlying.domain == NSPOSIXErrorDomain {
            return describe(errno: Int32(underlying.code))
        }
        if error.domain == NSPOSIXErrorDomain { return describe(errno: Int32(error.code)) }
        // Our own errors describe themselves.
        guard error.domain == NSCocoaErrorDomain else { return "\(original)" }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
        case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
        case .fileWriteOutOfSpace: return "no space left on the device"
        case .fileWriteVolumeReadOnly: return "read-only file system"
        case .fileWriteFileExists: return "the file already exists"
        case .fileReadTooLarge: return "the file is too large"
        case .fileReadInapplicableStringEncoding, .fileReadUnknownStringEncoding: return "the file is not UTF-8 text"
        case .fileReadCorruptFile: return "the file is damaged"
        default: return "the file system refused it"
        }
    }

    /// A POSIX `errno` in plain words.
    public static func describe(errno code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or folder"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a directory"
        case ENOTDIR: return "a part of the path is not a folder"
        case ENOSPC: return "no space left on the device"
        case EROFS: return "read-only file system"
        case ELOOP: return "too many symbolic links"
        case ENAMETOOLONG: return "the name is too long"
        case EEXIST: return "the file already exists"
        default: return String(cString: strerror(code)).lowercased()
        }
    }
}
