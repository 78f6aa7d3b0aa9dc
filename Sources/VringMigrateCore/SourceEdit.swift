/// One change to one file: replace the original bytes of `range` with `replacement`.
///
/// Edits always refer to the file as it was read, never to a partly edited copy, so a set of edits
/// can be checked for overlaps up front and applied in any order with the same result.
public struct SourceEdit: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var range: ByteRange
    public var replacement: [UInt8]

    public init(path: String, range: ByteRange, replacement: [UInt8]) {
        self.path = path
        self.range = range
        self.replacement = replacement
    }

    public init(path: String, range: ByteRange, replacement: String) {
        self.init(path: path, range: range, replacement: Array(replacement.utf8))
    }

    public static func insert(_ text: String, at offset: Int, in path: String) -> SourceEdit {
        SourceEdit(path: path, range: .at(offset), replacement: text)
    }

    public var replacementText: String { String(decoding: replacement, as: UTF8.self) }

    public var description: String {
        "\(path)\(range) -> \"\(replacementText)\""
    }
}

/// Two edits that touch the same bytes, or two different insertions at the same point.
public struct EditConflict: Error, Equatable, CustomStringConvertible {
    public let existing: SourceEdit
    public let incoming: SourceEdit

    public var description: String {
        "conflicting edits in \(existing.path): \(existing) and \(incoming)"
    }
}
