/// A half-open range of byte offsets into one file's original bytes.
///
/// Everything inside vringmigrate talks in byte offsets: libclang reports UTF-8 byte columns,
/// edits replace bytes, and only the reporters convert to the columns their format wants.
public struct ByteRange: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        precondition(start <= end, "ByteRange start \(start) is after end \(end)")
        self.start = start
        self.end = end
    }

    public static func at(_ offset: Int) -> ByteRange { ByteRange(start: offset, end: offset) }

    public var count: Int { end - start }
    public var isEmpty: Bool { start == end }

    public func contains(_ offset: Int) -> Bool { offset >= start && offset < end }

    public func contains(_ other: ByteRange) -> Bool { other.start >= start && other.end <= end }

    /// Two ranges overlap when they share a byte, or when an insertion point falls strictly inside
    /// the other range. Two insertions at the same point do not overlap here; EditSet decides.
    public func overlaps(_ other: ByteRange) -> Bool {
        if isEmpty && other.isEmpty { return false }
        if isEmpty { return other.start < start && start < other.end }
        if other.isEmpty { return start < other.start && other.start < end }
        return start < other.end && other.start < end
    }

    public static func < (lhs: ByteRange, rhs: ByteRange) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }

    public var description: String { "[\(start), \(end))" }
}
