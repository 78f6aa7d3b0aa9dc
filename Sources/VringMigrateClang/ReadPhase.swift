import Foundation
import VringMigrateCore

/// A file that spells a watched name in code.
struct ScannedFile: Sendable {
    var file: SourceFile
    var scan: CScanResult
    var realPath: String
}

enum ReadOutcome: Sendable {
    case uninteresting
    case candidate(ScannedFile)
    case diagnostic(RunDiagnostic)
}

struct ReadResult {
    var filesRead: Int
    var candidates: [ScannedFile]
    var diagnostics: [RunDiagnostic]
}

/// Gathers the read phase's results from every worker. The lock is the only shared state.
final class ReadCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var candidates: [ScannedFile] = []
    private var diagnostics: [RunDiagnostic] = []

    var filesRead: Int { lock.withLock { count } }

    func add(_ outcome: ReadOutcome) {
        lock.withLock {
            count += 1
            switch outcome {
            case .uninteresting: break
            case .candidate(let file): candidates.append(file)
            case .diagnostic(let diagnostic): diagnostics.append(diagnostic)
            }
        }
    }

    func result() -> ReadResult {
        lock.withLock {
            ReadResult(
                filesRead: count,
                candidates: candidates.sorted { $0.file.relativePath < $1.file.relativePath },
                diagnostics: diagnostics)
        }
    }
}

enum RealPath {
    static func of(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
