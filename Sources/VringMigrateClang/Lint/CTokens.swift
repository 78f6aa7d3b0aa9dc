import VringMigrateCore

/// A C token of a function body, for the few shapes `barrier-strength` reads (member chains,
/// assignments, calls). Comments, whitespace and preprocessor lines are dropped; literals are
/// kept whole so nothing inside a string looks like code.
struct CToken: Hashable {
    enum Kind { case identifier, number, literal, punctuator }

    var kind: Kind
    var text: String
    var range: ByteRange

    func `is`(_ text: String) -> Bool { kind != .literal && self.text == text }

    /// Ends an operand: a following `&` is binary, a following `.`/`->` continues it.
    var endsOperand: Bool { kind != .punctuator || text == ")" || text == "]" }
}

enum CTokenizer {
    /// Longest first, so `->` is never read as `-` then `>`.
    static let punctuators = [
        "<<=", ">>=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
        "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "##",
    ].map { Array($0.utf8) }

    static func tokens(_ bytes: [UInt8], in range: ByteRange) -> [CToken] {
        var tokens: [CToken] = []
        var index = range.start
        var atLineStart = false
        while index < range.end {
            let byte = bytes[index]
            if let next = CLexer.skipTrivia(bytes, at: index) {
                if byte == UInt8(ascii: "\n") { atLineStart = true }
                index = next
                continue
            }
            if byte == UInt8(ascii: "#") && atLineStart {
                index = CLexer.directiveEnd(bytes, from: index)
                continue
            }
            atLineStart = false
            let (kind, end) = token(bytes, at: index)
            let clipped = min(end, range.end)
            tokens.append(CToken(kind: kind, text: String(decoding: bytes[index..<clipped], as: UTF8.self), range: ByteRange(start: index, end: clipped)))
            index = clipped
        }
        return tokens
    }

    private static func token(_ bytes: [UInt8], at index: Int) -> (CToken.Kind, Int) {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return (.literal, CLexer.skipLiteral(bytes, at: index)) }
        if CLexer.isIdentifierStart(byte) { return (.identifier, CLexer.identifierEnd(bytes, from: index)) }
        if CLexer.isDigit(byte) { return (.number, CLexer.numberEnd(bytes, from: index)) }
        for punctuator in punctuators where index + punctuator.count <= bytes.count
            && bytes[index..<index + punctuator.count].elementsEqual(punctuator) {
            return (.punctuator, index + punctuator.count)
        }
        return (.punctuator, index + 1)
    }

    /// Index of the bracket closing the one at `open` (`(`, `[`), or nil.
    static func closing(_ tokens: [CToken], from open: Int) -> Int? {
        let pair = tokens[open].text == "(" ? ("(", ")") : ("[", "]")
        var depth = 0
        for index in open..<tokens.count {
            if tokens[index].is(pair.0) { depth += 1 }
            if tokens[index].is(pair.1) { depth -= 1; if depth == 0 { return index } }
        }
        return nil
    }

    /// Index of the bracket opening the one at `close` (`)`, `]`), or nil.
    static func opening(_ tokens: [CToken], from close: Int) -> Int? {
        let pair = tokens[close].text == ")" ? ("(", ")") : ("[", "]")
        var depth = 0
        for index in stride(from: close, through: 0, by: -1) {
            if tokens[index].is(pair.1) { depth += 1 }
            if tokens[index].is(pair.0) { depth -= 1; if depth == 0 { return index } }
        }
        return nil
    }
}
