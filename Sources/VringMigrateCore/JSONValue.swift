/// A spot in a JSON text: 1-based line and 1-based column, where columns count Unicode code points
/// (what an editor shows), so an error or a key can be found by eye.
public struct JSONPosition: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// A parsed JSON value. Numbers keep their literal text so nothing is lost to rounding; objects
/// keep their members in written order with the position of every key.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])
}

/// A value and where it starts.
public struct JSONNode: Equatable, Sendable {
    public var value: JSONValue
    public var position: JSONPosition

    public init(value: JSONValue, position: JSONPosition) {
        self.value = value
        self.position = position
    }
}

/// One `"key": value` member of an object.
public struct JSONMember: Equatable, Sendable {
    public var key: String
    public var keyPosition: JSONPosition
    public var value: JSONNode

    public init(key: String, keyPosition: JSONPosition, value: JSONNode) {
        self.key = key
        self.keyPosition = keyPosition
        self.value = value
    }
}

extension JSONNode {
    public var stringValue: String? {
        if case .string(let text) = value { return text }
        return nil
    }

    public var boolValue: Bool? {
        if case .bool(let flag) = value { return flag }
        return nil
    }

    /// The number as a Double, when it is one.
    public var numberValue: Double? {
        if case .number(let literal) = value { return Double(literal) }
        return nil
    }

    public var arrayValue: [JSONNode]? {
        if case .array(let elements) = value { return elements }
        return nil
    }

    public var objectMembers: [JSONMember]? {
        if case .object(let members) = value { return members }
        return nil
    }

    /// The member named `key`, when this is an object that has one.
    public func member(_ key: String) -> JSONMember? {
        objectMembers?.first { $0.key == key }
    }

    /// What kind of value this is, phrased for an error message ("expected a list, found a string").
    public var kindDescription: String {
        switch value {
        case .null: return "null"
        case .bool: return "true or false"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

/// Malformed JSON, with where it went wrong.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case unexpectedEnd(expected: String)
        case unexpectedCharacter(String, expected: String)
        case invalidLiteral(String)
        case unterminatedString
        case controlCharacterInString(String)
        case badEscape(String)
        case badUnicodeEscape(String)
        case badNumber(String)
        case trailingComma(before: String)
        case duplicateKey(String, first: JSONPosition)
        case trailingContent(String)
        case invalidUTF8
        case nestedTooDeep(limit: Int)
    }

    public var reason: Reason
    public var position: JSONPosition

    public init(_ reason: Reason, at position: JSONPosition) {
        self.reason = reason
        self.position = position
    }

    /// The message without the position, for callers that print the position their own way.
    public var message: String {
        switch reason {
        case .unexpectedEnd(let expected): return "unexpected end of input; expected \(expected)"
        case .unexpectedCharacter(let found, let expected): return "unexpected \(found); expected \(expected)"
        case .invalidLiteral(let word): return "invalid literal \"\(word)\"; expected true, false, null, a number or a string in double quotes"
        case .unterminatedString: return "unterminated string (no closing \" before the end of the line)"
        case .controlCharacterInString(let found): return "\(found) inside a string; write it as an escape"
        case .badEscape(let escape): return "bad escape \"\(escape)\" in string"
        case .badUnicodeEscape(let escape): return "bad unicode escape \"\(escape)\" in string"
        case .badNumber(let text): return "bad number \"\(text)\""
        case .trailingComma(let closer): return "trailing comma before '\(closer)'"
        case .duplicateKey(let key, let first): return "duplicate key \"\(key)\" (first at \(first))"
        case .trailingContent(let found): return "unexpected \(found) after the end of the JSON value"
        case .invalidUTF8: return "string is not valid UTF-8"
        case .nestedTooDeep(let limit): return "nested deeper than \(limit) levels"
        }
    }

    public var description: String { "\(position): \(message)" }
}
