import Foundation

/// A build made on an x86-64-v3 machine (AVX2 and FMA) is compiled for it: on an older
/// processor its first vector instruction would end labbook with SIGILL. This check runs
/// before any engine code and says so in one line instead. (This file is compiled for the
/// generic target, as the whole executable target is; a build made on an older machine
/// targets the baseline and needs no check.)
enum ProcessorCheck {
    /// The instruction-set extensions the engine's build needs that this processor lacks, read
    /// from /proc/cpuinfo (empty where it cannot be read, or on another architecture).
    static var missingExtensions: [String] {
        #if arch(x86_64) && os(Linux) && LABBOOK_X86_64_V3
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return [] }
        let flags = Set(line.split(separator: " ").map(String.init))
        return ["avx2", "fma"].filter { !flags.contains($0) }
        #else
        return []
        #endif
    }

    /// Exits with status 2 and a clear message when the processor cannot run the engine.
    static func requireSupportedProcessor() {
        let missing = missingExtensions
        guard !missing.isEmpty else { return }
        FileHandle.standardError.write(Data(("error: this build of labbook needs an x86-64 processor with AVX2 and FMA "
            + "(x86-64-v3, every x86-64 processor since 2013); this one lacks \(missing.map { $0.uppercased() }.joined(separator: " and ")): "
            + "build labbook on this machine (`make report` does) for a build of its own\n").utf8))
        exit(2)
    }
}
