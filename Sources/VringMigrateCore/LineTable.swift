/// Maps byte offsets to 1-based lines and byte columns, and back.
///
/// A line ends after its `\n`; a `\r` before it belongs to the line's terminator, so CRLF files
/// report the same columns as LF files.
public struct LineTable: Sendable {
    /// Byte offset where each line starts; always begins with 0.
    public let lineStarts: [Int]
    public let byteCount: Int

    public init(bytes: [UInt8]) {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") {
            starts.append(offset + 1)
        }
        if starts.count > 1 && starts.last == bytes.count { starts.removeLast() }
        lineStarts = starts
        byteCount = bytes.count
    }

    public var lineCount: Int { lineStarts.count }

    /// 1-based line and 1-based byte column of `offset` (an offset at the end of the file is allowed).
    public func position(of offset: Int) -> (line: Int, column: Int) {
        let index = lineIndex(containing: offset)
        return (index + 1, offset - lineStarts[index] + 1)
    }

    /// 0-based index of the line holding `offset`.
    public func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Byte range of 0-based line `index`, including its terminator.
    public func rangeOfLine(_ index: Int) -> ByteRange {
        let start = lineStarts[index]
        let end = index + 1 < lineStarts.count ? lineStarts[index + 1] : byteCount
        return ByteRange(start: start, end: end)
    }

    /// Offset of a 1-based line and byte column.
    public func offset(line: Int, column: Int) -> Int {
        lineStarts[max(0, min(line - 1, lineStarts.count - 1))] + column - 1
    }
}
