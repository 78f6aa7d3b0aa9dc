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

    /// Calls `body` with every code byte from `start` up to `end` (comments and string or
    /// character literals skipped) and its offset, until `body` returns false.
    static func forEachCodeByte(_ bytes: [UInt8], from start: Int, to end: Int, _ body: (UInt8, Int) -> Bool) {
        var index = start
        while index < end {
            if isCommentStart(bytes, at: index), let next = skipTrivia(bytes, at: index) {
                index = next
            } else if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                index = skipLiteral(bytes, at: index)
            } else {
                guard body(bytes[index], index) else { return }
                index += 1
            }
        }
    }

    static func isOpening(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")
    }

    static func isClosing(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}")
    }

    /// Counts every bracket kind, so a stray `)` inside braces cannot end the match early; the
    /// bracket that brings the depth back to zero must be `closer`.
    private static func matchingBracket(_ bytes: [UInt8], open: Int, limit: Int, closer: UInt8) -> Int? {
        var depth = 0
        var match: Int?
        forEachCodeByte(bytes, from: open, to: limit) { byte, index in
            if isOpening(byte) { depth += 1 }
            guard isClosing(byte) else { return true }
            depth -= 1
            guard depth == 0 else { return true }
            match = byte == closer ? index : nil
            return false
        }
        return match
    }

    /// The top-level arguments between `open` and `close`, each trimmed of surrounding whitespace
    /// and comments (comments inside an argument stay). An empty list for `()`.
    public static func splitArguments(_ bytes: [UInt8], open: Int, close: Int) -> [ByteRange] {
        var pieces: [ByteRange] = []
        var depth = 0
        var pieceStart = open + 1
        forEachCodeByte(bytes, from: open + 1, to: close) { byte, index in
            if isOpening(byte) { depth += 1 }
            if isClosing(byte) { depth -= 1 }
            if byte == UInt8(ascii: ","), depth == 0 {
                pieces.append(ByteRange(start: pieceStart, end: index))
                pieceStart = index + 1
            }
            return true
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

