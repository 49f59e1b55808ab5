import Foundation
import LabbookNotebook
import Testing
@testable import LabbookReport
import LabbookTestSupport

/// File-system errors read as plain words, never as "Error Domain=NSCocoaErrorDomain Code=...".
@Suite struct SystemErrorTextTests {
    struct OwnError: Error, CustomStringConvertible { var description: String { "figure 2 could not be drawn" } }

    @Test(arguments: [
        (CocoaError(.fileNoSuchFile) as Error, "no such file or folder"),
        (CocoaError(.fileWriteNoPermission), "permission denied"),
        (CocoaError(.fileWriteOutOfSpace), "no space left on the device"),
        (POSIXError(.EISDIR), "is a directory"),
        (CocoaError(.fileWriteUnknown, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS))]),
         "read-only file system"),
        (OwnError(), "figure 2 could not be drawn"),
    ])
    func plainWords(_ error: Error, _ text: String) {
        #expect(SystemErrorText.describe(error) == text)
    }

    /// Writing into a missing folder, as `labbook diff --html` does.
    @Test func aWriteIntoAMissingFolder() {
        do {
            try Data("x".utf8).write(to: URL(fileURLWithPath: "/nonexistent-labbook/page.html"), options: .atomic)
            Issue.record("the write succeeded")
        } catch {
            #expect(SystemErrorText.describe(error) == "no such file or folder")
        }
    }
}
