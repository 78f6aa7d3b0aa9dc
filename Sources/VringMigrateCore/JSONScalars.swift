/// The scalar parts of the JSON grammar: strings with their escapes, numbers, and the three
/// literals.
extension JSONParser {
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = position
        advance()
        var buffer: [UInt8] = []
        while true {
            guard let byte = current, byte != UInt8(ascii: "\n") else {
                throw JSONSyntaxError(.unterminatedString, at: start)
            }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                guard let text = String(validating: buffer, as: UTF8.self) else {
                    throw JSONSyntaxError(.invalidUTF8, at: start)
                }
                return text
            case UInt8(ascii: "\\"):
                try parseEscape(into: &buffer)
            case 0x00..<0x20:
                throw JSONSyntaxError(.controlCharacterInString(describeCurrent()), at: position)
            default:
                // Copy the whole character: advance() steps over continuation bytes.
                let characterStart = index
                advance()
                buffer += bytes[characterStart..<index]
            }
        }
    }

    private mutating func parseEscape(into buffer: inout [UInt8]) throws(JSONSyntaxError) {
        let escapePosition = position
        advance()
        guard let byte = current else { throw JSONSyntaxError(.unterminatedString, at: escapePosition) }
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F,
            UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
            UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let replacement = simple[byte] {
            advance()
            buffer.append(replacement)
            return
        }
        guard byte == UInt8(ascii: "u") else {
            let shown = describeCurrent().trimmingQuotes
            throw JSONSyntaxError(.badEscape("\\" + shown), at: escapePosition)
        }
        advance()
        let scalar = try parseUnicodeEscape(escapePosition: escapePosition)
        buffer += Array(String(Character(scalar)).utf8)
    }

    /// `\uXXXX`, or a surrogate pair `\uD8xx\uDCxx`; a lone surrogate is an error.
    private mutating func parseUnicodeEscape(escapePosition: JSONPosition) throws(JSONSyntaxError) -> Unicode.Scalar {
        let high = try parseHexQuad(escapePosition: escapePosition)
        if (0xDC00...0xDFFF).contains(high) {
            throw JSONSyntaxError(.badUnicodeEscape(String(format: high) + " is a lone low surrogate"), at: escapePosition)
        }
        guard (0xD800...0xDBFF).contains(high) else {
            return Unicode.Scalar(high) ?? "\u{FFFD}"
        }
        guard current == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "u") else {
            throw JSONSyntaxError(.badUnicodeEscape(String(format: high) + " is not followed by a low surrogate"), at: escapePosition)
        }
        advance()
        advance()
        let low = try parseHexQuad(escapePosition: escapePosition)
        guard (0xDC00...0xDFFF).contains(low) else {
            throw JSONSyntaxError(.badUnicodeEscape(String(format: high) + " is not followed by a low surrogate"), at: escapePosition)
        }
        let value = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    private mutating func parseHexQuad(escapePosition: JSONPosition) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        var digits = ""
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexValue(byte) else {
                let shown = current.map { _ in describeCurrent().trimmingQuotes } ?? ""
                throw JSONSyntaxError(.badUnicodeEscape("\\u" + digits + shown), at: escapePosition)
            }
            digits.append(Character(Unicode.Scalar(byte)))
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    mutating func parseNumber() throws(JSONSyntaxError) -> String {
        let start = position
        let startIndex = index
        while let byte = current, Self.isNumberByte(byte) { advance() }
        let text = String(decoding: bytes[startIndex..<index], as: UTF8.self)
        guard Self.isValidNumber(text) else { throw JSONSyntaxError(.badNumber(text), at: start) }
        return text
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || "+-.eE".utf8.contains(byte)
    }

    static func isValidNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" { rest = rest.dropFirst() }
        let integer = rest.prefix { $0.isASCII && $0.isNumber }
        guard !integer.isEmpty, integer == "0" || integer.first != "0" else { return false }
        rest = rest.dropFirst(integer.count)
        if rest.first == "." {
            let fraction = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !fraction.isEmpty else { return false }
            rest = rest.dropFirst(1 + fraction.count)
        }
        if rest.first == "e" || rest.first == "E" {
            rest = rest.dropFirst()
            if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
            let exponent = rest.prefix { $0.isASCII && $0.isNumber }
            guard !exponent.isEmpty else { return false }
            rest = rest.dropFirst(exponent.count)
        }
        return rest.isEmpty
    }

    /// `true`, `false` or `null`; any other bare word (an unquoted string, `True`) is an error
    /// that names the word.
    mutating func parseLiteral() throws(JSONSyntaxError) -> JSONValue {
        let start = position
        let startIndex = index
        while let byte = current, Self.isWordByte(byte) { advance() }
        guard index > startIndex else { throw unexpected(expected: "a value") }
        let word = String(decoding: bytes[startIndex..<index], as: UTF8.self)
        switch word {
        case "true": return .bool(true)
        case "false": return .bool(false)
        case "null": return .null
        default: throw JSONSyntaxError(.invalidLiteral(word), at: start)
        }
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
    }
}

extension String {
    fileprivate init(format value: UInt32) {
        self = "\\u" + JSONParser.hex4(value)
    }

    /// `'x'` → `x`, for showing a character inside an escape.
    fileprivate var trimmingQuotes: String {
        hasPrefix("'") && hasSuffix("'") && count >= 2 ? String(dropFirst().dropLast()) : self
    }
}
