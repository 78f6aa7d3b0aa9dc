/// A token of the C litmus format, with the line it starts on for error messages.
struct LitmusToken: Equatable {
    enum Kind: Equatable {
        case identifier(String)
        case number(Int)
        case symbol(String)
    }

    let kind: Kind
    let line: Int

    var identifier: String? { if case .identifier(let name) = kind { name } else { nil } }
    var symbol: String? { if case .symbol(let text) = kind { text } else { nil } }
    var spelling: String {
        switch kind {
        case .identifier(let name): return name
        case .number(let value): return String(value)
        case .symbol(let text): return text
        }
    }
}

/// Splits litmus text into tokens, dropping `/* */` and `//` comments everywhere and herd's
/// `(* *)` comments outside braces (inside a thread body `(*` starts `READ_ONCE(*x)`).
struct LitmusLexer {
    /// Longest first, so `/\` wins over `/` and `==` over `=`.
    static let symbols = [
        "/\\", "\\/", "==", "!=", "<=", ">=", "&&", "||", "<<", ">>",
        "(", ")", "{", "}", "[", "]", ";", ",", "*", "&", "=", "+", "-", "/", "%", "!", "~",
        "<", ">", "|", "^", ":", ".", "?",
    ].map { Array($0.utf8) }

    private let bytes: [UInt8]
    private var position = 0
    private var line: Int
    private var braceDepth = 0

    init(_ text: Substring, firstLine: Int) {
        bytes = Array(text.utf8)
        line = firstLine
    }

    mutating func tokens() throws(LitmusError) -> [LitmusToken] {
        var result: [LitmusToken] = []
        while let token = try next() { result.append(token) }
        return result
    }

    private mutating func next() throws(LitmusError) -> LitmusToken? {
        try skipSpaceAndComments()
        guard position < bytes.count else { return nil }
        let byte = bytes[position]
        if Self.isIdentifierStart(byte) {
            let start = position
            while position < bytes.count && Self.isIdentifierPart(bytes[position]) { position += 1 }
            return LitmusToken(kind: .identifier(String(decoding: bytes[start..<position], as: UTF8.self)), line: line)
        }
        if Self.isDigit(byte) { return LitmusToken(kind: .number(try number()), line: line) }
        for symbol in Self.symbols where bytes[position...].starts(with: symbol) {
            position += symbol.count
            if symbol == [UInt8(ascii: "{")] { braceDepth += 1 }
            if symbol == [UInt8(ascii: "}")] { braceDepth -= 1 }
            return LitmusToken(kind: .symbol(String(decoding: symbol, as: UTF8.self)), line: line)
        }
        throw .syntax(line: line, "unexpected character '\(String(decoding: [byte], as: UTF8.self))'")
    }

    private mutating func number() throws(LitmusError) -> Int {
        let start = position
        while position < bytes.count && (Self.isIdentifierPart(bytes[position])) { position += 1 }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        let value = text.hasPrefix("0x") ? Int(text.dropFirst(2), radix: 16) : Int(text)
        guard let value else { throw .syntax(line: line, "bad number '\(text)'") }
        return value
    }

    private mutating func skipSpaceAndComments() throws(LitmusError) {
        while position < bytes.count {
            let rest = bytes[position...]
            if bytes[position] == UInt8(ascii: "\n") {
                line += 1
                position += 1
            } else if bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t")
                || bytes[position] == UInt8(ascii: "\r")
            {
                position += 1
            } else if braceDepth == 0 && rest.starts(with: "(*".utf8) {
                try skipBlock(until: "*)")
            } else if rest.starts(with: "/*".utf8) {
                try skipBlock(until: "*/")
            } else if rest.starts(with: "//".utf8) {
                while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
            } else {
                return
            }
        }
    }

    private mutating func skipBlock(until end: String) throws(LitmusError) {
        let startLine = line
        position += 2
        while position < bytes.count && !bytes[position...].starts(with: end.utf8) {
            if bytes[position] == UInt8(ascii: "\n") { line += 1 }
            position += 1
        }
        guard position < bytes.count else { throw .syntax(line: startLine, "unterminated comment") }
        position += 2
    }

    static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) || byte == UInt8(ascii: "_")
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isIdentifierPart(_ byte: UInt8) -> Bool { isIdentifierStart(byte) || isDigit(byte) }
}
