import Foundation
import Testing
@testable import LabbookReport
@testable import LabbookRun
import LabbookTestSupport

/// Writes the sample report where `LABBOOK_SAMPLE_REPORT` says (e.g. /tmp/labbook-sample), so
/// that a person can open it or take a screenshot of it with headless Chromium:
///
///     LABBOOK_SAMPLE_REPORT=/tmp/labbook-sample swift test --filter SampleRenderTests
///     chromium --headless --no-sandbox --disable-gpu --screenshot=/tmp/shot.png \
///         --window-size=1200,2000 file:///tmp/labbook-sample/index.html
@Suite struct SampleRenderTests {
    @Test func writeSampleReport() throws {
        guard let folder = ProcessInfo.processInfo.environment["LABBOOK_SAMPLE_REPORT"], !folder.isEmpty else { return }
        try ReportWriter.write(try sampleReport(), to: folder)
    }
}
