import Foundation

/// File-system errors in plain words ("permission denied", "no space left on the device"),
/// never Foundation's `Error Domain=NSCocoaErrorDomain Code=...` dump.
enum FileErrorText {
    static func describe(_ error: Error) -> String {
        if let error = error as? CocoaError {
            switch error.code {
            case .fileWriteOutOfSpace: return "no space left on the device"
            case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder"
            case .fileWriteNoPermission, .fileReadNoPermission: return "permission denied"
            case .fileWriteFileExists: return "a file of that name already exists"
            case .fileWriteVolumeReadOnly: return "the file system is read-only"
            default:
                if let underlying = error.underlying.map({ $0 as NSError }), underlying.domain == NSPOSIXErrorDomain {
                    return String(cString: strerror(Int32(underlying.code))).lowercased()
                }
            }
        }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))).lowercased() }
        return error.localizedDescription
    }
}
