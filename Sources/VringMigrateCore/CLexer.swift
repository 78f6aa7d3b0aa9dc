/// Byte-level lexical helpers shared by the scanner, the argument splitter and the rewriter.
///
/// They work on raw bytes so that Latin-1 comments and CRLF files pass through untouched.
public enum CLexer {
    static let slash = UInt8(ascii: "/"), star = UInt8(ascii: "*"), backslash = UInt8(ascii: "\\")
    static let newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")

    public static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || byte == 0x5F
    }

    public static func isIdentifierByte(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }

    public static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    public static func isHorizontalSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C || byte == carriageReturn
    }

    public static func identifierEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count && isIdentifierByte(bytes[index]) { index += 1 }
        return index
    }

    /// A preprocessing number: digits, letters, `_` and `.` (and signs after an exponent).
    public static func numberEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if isIdentifierByte(byte) || byte == UInt8(ascii: ".") {
                index += 1
            } else if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")), index > start,
                [UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "p"), UInt8(ascii: "P")].contains(bytes[index - 1])
            {
                index += 1
            } else {
                break
            }
        }
        return index
    }

    /// If `index` starts whitespace, a comment or a backslash-newline, the index after it.
    public static func skipTrivia(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        if byte == newline || isHorizontalSpace(byte) { return index + 1 }
        if byte == backslash, index + 1 < bytes.count {
            if bytes[index + 1] == newline { return index + 2 }
            if bytes[index + 1] == carriageReturn, index + 2 < bytes.count, bytes[index + 2] == newline { return index + 3 }
        }
        guard byte == slash, index + 1 < bytes.count else { return nil }
        if bytes[index + 1] == star { return blockCommentEnd(bytes, from: index) }
        if bytes[index + 1] == slash { return lineCommentEnd(bytes, from: index) }
        return nil
    }

    public static func isCommentStart(_ bytes: [UInt8], at index: Int) -> Bool {
        bytes[index] == slash && index + 1 < bytes.count && (bytes[index + 1] == star || bytes[index + 1] == slash)
    }

    static func blockCommentEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + 2
        while index + 1 < bytes.count {
            if bytes[index] == star && bytes[index + 1] == slash { return index + 2 }
            index += 1
        }
        return bytes.count
    }

    /// A `//` comment ends before its newline (the newline is not part of it).
    static func lineCommentEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count && bytes[index] != newline { index += 1 }
        if index > start, bytes[index - 1] == carriageReturn { index -= 1 }
        return index
    }

    /// Skips a string or character literal starting at its opening quote.
    public static func skipLiteral(_ bytes: [UInt8], at start: Int) -> Int {
        let quote = bytes[start]
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == backslash { index += 2; continue }
            if byte == quote { return index + 1 }
            if byte == newline { return index }  // unterminated: stop at the line end
            index += 1
        }
        return bytes.count
    }

    /// End of the directive starting at `#`: the first newline not escaped by a backslash and not
    /// inside a block comment. The newline itself is not included.
    public static func directiveEnd(_ bytes: [UInt8], from hash: Int) -> Int {
        var index = hash + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == newline { return (index > hash && bytes[index - 1] == carriageReturn) ? index - 1 : index }
            if byte == backslash, let next = skipTrivia(bytes, at: index), next > index + 1 {
                index = next
            } else if byte == slash, index + 1 < bytes.count, bytes[index + 1] == star {
                index = blockCommentEnd(bytes, from: index)
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index = skipLiteral(bytes, at: index)
            } else {
                index += 1
            }
        }
        return bytes.count
    }

    public static func skipHorizontalTrivia(_ bytes: [UInt8], from start: Int, limit: Int) -> Int {
        var index = start
        while index < limit {
            if isHorizontalSpace(bytes[index]) {
                index += 1
            } else if bytes[index] == backslash, let next = skipTrivia(bytes, at: index), next > index + 1 {
                index = next
            } else if bytes[index] == slash, index + 1 < limit, bytes[index + 1] == star {
                index = blockCommentEnd(bytes, from: index)
            } else {
                break
            }
        }
        return index
    }

    /// The first byte at or after `start` that is not whitespace or comment.
    public static func nextSignificant(_ bytes: [UInt8], from start: Int, stopAtNewline: Bool) -> Int? {
        var index = start
        while index < bytes.count {
            if stopAtNewline && bytes[index] == newline { return nil }
            guard let next = skipTrivia(bytes, at: index) else { return index }
            index = next
        }
        return nil
    }

    /// Text of a range with comments removed and whitespace runs folded to one space.
    public static func normalizedText(_ bytes: [UInt8], _ range: ByteRange) -> String {
        var output: [UInt8] = []
        var index = range.start
        var pendingSpace = false
        while index < range.end {
            if let next = skipTrivia(bytes, at: index) {
                pendingSpace = !output.isEmpty
                index = min(next, range.end)
                continue
            }
            if pendingSpace { output.append(0x20); pendingSpace = false }
            output.append(bytes[index])
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }
}
