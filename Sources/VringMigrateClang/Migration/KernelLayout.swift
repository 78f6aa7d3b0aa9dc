import VringMigrateCore

/// Kernel coding style arithmetic: 80 columns, tabs to the next multiple of 8, one column per
/// character (a UTF-8 continuation byte takes none).
enum KernelLayout {
    static let maximumWidth = 80

    /// Display width of `bytes` starting at column 0.
    static func width<S: Sequence>(of bytes: S, startingAt column: Int = 0) -> Int where S.Element == UInt8 {
        var column = column
        for byte in bytes {
            if byte == 0x09 {
                column = (column / 8 + 1) * 8
            } else if byte == 0x0D || byte == 0x0A || (byte & 0xC0) == 0x80 {
                continue
            } else {
                column += 1
            }
        }
        return column
    }

    /// Tabs then spaces reaching `column`.
    static func indentation(toColumn column: Int) -> String {
        String(repeating: "\t", count: column / 8) + String(repeating: " ", count: column % 8)
    }

    /// The display width of every line of `bytes` that contains an offset in `range`.
    static func widestLine(in bytes: [UInt8], around range: ByteRange) -> Int {
        var start = range.start
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        var widest = 0
        var lineStart = start
        var index = start
        while index <= bytes.count {
            if index == bytes.count || bytes[index] == 0x0A {
                widest = max(widest, width(of: bytes[lineStart..<index]))
                if index >= range.end { break }
                lineStart = index + 1
            }
            index += 1
        }
        return widest
    }

    /// Offset of the start of the line holding `offset`.
    static func lineStart(_ bytes: [UInt8], _ offset: Int) -> Int {
        var start = offset
        while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
        return start
    }

    /// Offset of the end of the line holding `offset` (before `\r\n` or `\n`).
    static func lineEnd(_ bytes: [UInt8], _ offset: Int) -> Int {
        var end = offset
        while end < bytes.count && bytes[end] != 0x0A { end += 1 }
        if end > offset, end > 0, bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }
}
