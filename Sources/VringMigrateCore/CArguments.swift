extension CLexer {
    /// The `)` matching the `(` at `open`, skipping comments and literals; nil when unbalanced
    /// before `limit`.
    public static func matchingParen(_ bytes: [UInt8], open: Int, limit: Int? = nil) -> Int? {
        matchingBracket(bytes, open: open, limit: limit ?? bytes.count, closer: UInt8(ascii: ")"))
    }

    /// The `}` matching the `{` at `open`, skipping comments and literals.
    public static func matchingBrace(_ bytes: [UInt8], open: Int) -> Int? {
        matchingBracket(bytes, open: open, limit: bytes.count, closer: UInt8(ascii: "}"))
    }

    /// Counts every bracket kind, so a stray `)` inside braces cannot end the match early; the
    /// bracket that brings the depth back to zero must be `closer`.
    private static func matchingBracket(_ bytes: [UInt8], open: Int, limit: Int, closer: UInt8) -> Int? {
        var depth = 0
        var index = open
        while index < limit {
            if isCommentStart(bytes, at: index), let next = skipTrivia(bytes, at: index) {
                index = next
                continue
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index = skipLiteral(bytes, at: index)
                continue
            }
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return byte == closer ? index : nil }
            }
            index += 1
        }
        return nil
    }

    /// The top-level arguments between `open` and `close`, each trimmed of surrounding whitespace
    /// and comments (comments inside an argument stay). An empty list for `()`.
    public static func splitArguments(_ bytes: [UInt8], open: Int, close: Int) -> [ByteRange] {
        var pieces: [ByteRange] = []
        var depth = 0
        var pieceStart = open + 1
        var index = open + 1
        while index < close {
            if isCommentStart(bytes, at: index), let next = skipTrivia(bytes, at: index) {
                index = next
                continue
            }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index = skipLiteral(bytes, at: index)
                continue
            }
            if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") { depth += 1 }
            if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") { depth -= 1 }
            if byte == UInt8(ascii: ","), depth == 0 {
                pieces.append(ByteRange(start: pieceStart, end: index))
                pieceStart = index + 1
            }
            index += 1
        }
        pieces.append(ByteRange(start: pieceStart, end: close))
        let trimmed = pieces.map { trimTrivia(bytes, $0) }
        if trimmed.count == 1 && trimmed[0].isEmpty { return [] }
        return trimmed
    }

    /// Shrinks a range past leading and trailing whitespace and comments.
    public static func trimTrivia(_ bytes: [UInt8], _ range: ByteRange) -> ByteRange {
        var start = range.start
        while start < range.end, let next = skipTrivia(bytes, at: start) { start = min(next, range.end) }
        var end = range.end
        while end > start {
            let byte = bytes[end - 1]
            if byte == newline || isHorizontalSpace(byte) {
                end -= 1
            } else if byte == slash, end - 2 >= start, bytes[end - 2] == star,
                let open = lastBlockCommentOpen(bytes, before: end - 2, notBefore: start)
            {
                end = open
            } else if byte == newline || (byte == backslash && end == range.end) {
                end -= 1
            } else {
                break
            }
        }
        return ByteRange(start: start, end: end)
    }

    private static func lastBlockCommentOpen(_ bytes: [UInt8], before index: Int, notBefore floor: Int) -> Int? {
        var cursor = index - 1
        while cursor >= floor {
            if bytes[cursor] == slash, cursor + 1 < bytes.count, bytes[cursor + 1] == star { return cursor }
            cursor -= 1
        }
        return nil
    }
}

