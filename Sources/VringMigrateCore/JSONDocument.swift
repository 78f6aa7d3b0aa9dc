/// A JSON text (RFC 8259) parsed with positions, so a configuration error can name the line and
/// the key it is about. Stricter than RFC 8259 in one way: a key repeated in one object is an
/// error, because for a configuration file the second value silently winning is a trap.
///
/// Foundation's JSONSerialization is not used here: it neither reports where a key is nor
/// rejects duplicate keys.
public struct JSONDocument: Sendable {
    public let root: JSONNode

    /// Deeper nesting than this is an error instead of a stack overflow.
    public static let maximumDepth = 512

    public init(bytes: [UInt8]) throws(JSONSyntaxError) {
        var parser = JSONParser(bytes: bytes)
        root = try parser.parseDocument()
    }

    public init(text: String) throws(JSONSyntaxError) {
        try self.init(bytes: Array(text.utf8))
    }
}

/// A recursive-descent parser over bytes that tracks line and code-point column as it goes.
struct JSONParser {
    let bytes: [UInt8]
    var index = 0
    var line = 1
    var column = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    var position: JSONPosition { JSONPosition(line: line, column: column) }
    var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    mutating func advance() {
        guard index < bytes.count else { return }
        if bytes[index] == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if bytes[index] & 0xC0 != 0x80 {
            // A continuation byte belongs to the code point already counted.
            column += 1
        }
        index += 1
        while index < bytes.count && bytes[index] & 0xC0 == 0x80 {
            index += 1
        }
    }

    mutating func skipWhitespace() {
        while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            advance()
        }
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONNode {
        let root = try parseValue(depth: 0)
        skipWhitespace()
        if current != nil {
            throw JSONSyntaxError(.trailingContent(describeCurrent()), at: position)
        }
        return root
    }

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONNode {
        skipWhitespace()
        guard let byte = current else { throw JSONSyntaxError(.unexpectedEnd(expected: "a value"), at: position) }
        guard depth < JSONDocument.maximumDepth else {
            throw JSONSyntaxError(.nestedTooDeep(limit: JSONDocument.maximumDepth), at: position)
        }
        let start = position
        switch byte {
        case UInt8(ascii: "{"): return JSONNode(value: .object(try parseObject(depth: depth)), position: start)
        case UInt8(ascii: "["): return JSONNode(value: .array(try parseArray(depth: depth)), position: start)
        case UInt8(ascii: "\""): return JSONNode(value: .string(try parseString()), position: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONNode(value: .number(try parseNumber()), position: start)
        default:
            return JSONNode(value: try parseLiteral(), position: start)
        }
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> [JSONMember] {
        advance()
        var members: [JSONMember] = []
        var firstPositions: [String: JSONPosition] = [:]
        skipWhitespace()
        if current == UInt8(ascii: "}") {
            advance()
            return members
        }
        while true {
            skipWhitespace()
            let keyPosition = position
            guard current == UInt8(ascii: "\"") else { throw unexpected(expected: "a key in double quotes") }
            let key = try parseString()
            if let first = firstPositions[key] { throw JSONSyntaxError(.duplicateKey(key, first: first), at: keyPosition) }
            firstPositions[key] = keyPosition
            skipWhitespace()
            guard current == UInt8(ascii: ":") else { throw unexpected(expected: "':' after the key") }
            advance()
            members.append(JSONMember(key: key, keyPosition: keyPosition, value: try parseValue(depth: depth + 1)))
            if try parseSeparator(closer: "}") { return members }
        }
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONNode] {
        advance()
        var elements: [JSONNode] = []
        skipWhitespace()
        if current == UInt8(ascii: "]") {
            advance()
            return elements
        }
        while true {
            elements.append(try parseValue(depth: depth + 1))
            if try parseSeparator(closer: "]") { return elements }
        }
    }

    /// After a member or element: `,` (returns false, more follow) or the closer (returns true).
    /// A comma directly followed by the closer is reported at the comma.
    mutating func parseSeparator(closer: Unicode.Scalar) throws(JSONSyntaxError) -> Bool {
        skipWhitespace()
        if current == UInt8(ascii: closer) {
            advance()
            return true
        }
        guard current == UInt8(ascii: ",") else { throw unexpected(expected: "',' or '\(closer)'") }
        let comma = position
        advance()
        skipWhitespace()
        if current == UInt8(ascii: closer) { throw JSONSyntaxError(.trailingComma(before: String(closer)), at: comma) }
        return false
    }

    func unexpected(expected: String) -> JSONSyntaxError {
        guard current != nil else { return JSONSyntaxError(.unexpectedEnd(expected: expected), at: position) }
        return JSONSyntaxError(.unexpectedCharacter(describeCurrent(), expected: expected), at: position)
    }

    /// The character at the cursor, quoted, or its code point when it is invisible.
    func describeCurrent() -> String {
        guard let byte = current else { return "end of input" }
        var end = index + 1
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        guard let text = String(validating: bytes[index..<end], as: UTF8.self), let scalar = text.unicodeScalars.first else {
            return "byte 0x\(String(byte, radix: 16, uppercase: true))"
        }
        if scalar.value < 0x20 || scalar.value == 0x7F {
            return "control character U+\(Self.hex4(scalar.value))"
        }
        return "'\(text)'"
    }
}

extension JSONParser {
    /// Four uppercase hex digits, as in U+000A.
    static func hex4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
