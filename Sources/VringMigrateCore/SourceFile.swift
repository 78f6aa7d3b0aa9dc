import Foundation

/// One file's original bytes, kept exactly as read (no decoding, no newline normalisation).
public final class SourceFile: @unchecked Sendable {
    /// Path relative to the tree root, with `/` separators; what every report prints.
    public let relativePath: String
    /// Absolute path on disk.
    public let absolutePath: String
    public let bytes: [UInt8]
    public let lines: LineTable

    public init(relativePath: String, absolutePath: String, bytes: [UInt8]) {
        self.relativePath = relativePath
        self.absolutePath = absolutePath
        self.bytes = bytes
        self.lines = LineTable(bytes: bytes)
    }

    /// The bytes of `range` decoded leniently (invalid UTF-8 becomes U+FFFD); for messages only.
    public func text(_ range: ByteRange) -> String {
        String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    public func position(of offset: Int) -> (line: Int, column: Int) { lines.position(of: offset) }

    /// True when the file uses CRLF line endings (judged by its first line break).
    public var usesCRLF: Bool {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return false }
        return newline > 0 && bytes[newline - 1] == UInt8(ascii: "\r")
    }

    /// The line terminator this file uses.
    public var newline: String { usesCRLF ? "\r\n" : "\n" }
}
