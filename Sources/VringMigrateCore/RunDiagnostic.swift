/// Something about the run itself (not about the code): an unreadable file, a missing path, a
/// file that failed to parse. Errors decide exit code 2; notes are only told.
public struct RunDiagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Level: String, Sendable { case error, note }

    public var level: Level
    public var path: String
    public var message: String

    public init(_ level: Level, path: String, _ message: String) {
        self.level = level
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(level.rawValue): \(message)" }
}
