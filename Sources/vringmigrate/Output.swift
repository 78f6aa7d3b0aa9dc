import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Exit codes are a contract (see README): errors beat findings.
enum ExitCode: Int32 {
    case clean = 0
    case findings = 1
    case errors = 2
    case usage = 64
}

/// stdout carries the product; stderr carries progress, run diagnostics and the summary.
enum Output {
    static func write(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }
    static func write(bytes: [UInt8]) { FileHandle.standardOutput.write(Data(bytes)) }
    static func error(_ text: String) { FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8)) }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// A progress line that rewrites itself; silent unless stderr is a terminal.
    static func progress(_ text: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }

    static func endProgress() {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
