import XCTest
@testable import VringMigrateCore

final class JSONDocumentTests: XCTestCase {
    private func parse(_ text: String) throws -> JSONNode {
        try JSONDocument(text: text).root
    }

    private func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> JSONSyntaxError? {
        do {
            _ = try JSONDocument(text: text)
            XCTFail("parsed without error: \(text)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    func testParsesEveryKindOfValue() throws {
        let root = try parse(#"{"s": "x", "n": -1.5e3, "t": true, "f": false, "z": null, "a": [1, [], {}]}"#)
        XCTAssertEqual(root.member("s")?.value.stringValue, "x")
        XCTAssertEqual(root.member("n")?.value.value, .number("-1.5e3"))
        XCTAssertEqual(root.member("n")?.value.numberValue, -1500)
        XCTAssertEqual(root.member("t")?.value.boolValue, true)
        XCTAssertEqual(root.member("f")?.value.boolValue, false)
        XCTAssertEqual(root.member("z")?.value.value, .null)
        XCTAssertEqual(root.member("a")?.value.arrayValue?.count, 3)
        XCTAssertEqual(root.member("a")?.value.arrayValue?[2].objectMembers, [])
        XCTAssertEqual(root.objectMembers?.map(\.key), ["s", "n", "t", "f", "z", "a"])
        XCTAssertEqual(try parse(" 7 ").value, .number("7"))
        XCTAssertEqual(try parse("\"top\"").stringValue, "top")
    }

    func testKeysRecordLineAndCodePointColumn() throws {
        let text = "{\n  \"rules\": [\n    { \"ü\": 1, \"peer\": 2 }\r\n  ]\n}"
        let root = try parse(text)
        let rules = try XCTUnwrap(root.member("rules"))
        XCTAssertEqual(rules.keyPosition, JSONPosition(line: 2, column: 3))
        XCTAssertEqual(rules.value.position, JSONPosition(line: 2, column: 12))
        let rule = try XCTUnwrap(rules.value.arrayValue?.first)
        XCTAssertEqual(rule.position, JSONPosition(line: 3, column: 5))
        XCTAssertEqual(rule.member("ü")?.keyPosition, JSONPosition(line: 3, column: 7))
        // "ü" is two bytes but one column.
        XCTAssertEqual(rule.member("peer")?.keyPosition, JSONPosition(line: 3, column: 15))
    }

    func testStringEscapes() throws {
        XCTAssertEqual(try parse(#""a\"b\\c\/d\b\f\n\r\t""#).stringValue, "a\"b\\c/d\u{8}\u{C}\n\r\t")
        XCTAssertEqual(try parse(#""\u00e9\u00E9 \ud83d\ude00""#).stringValue, "éé 😀")
        XCTAssertEqual(try parse("\"héllo 😀\"").stringValue, "héllo 😀")
    }

    func testBadEscapesAndSurrogates() {
        XCTAssertEqual(error(#"["ab\x"]"#)?.reason, .badEscape("\\x"))
        XCTAssertEqual(error(#"["ab\x"]"#)?.position, JSONPosition(line: 1, column: 5))
        XCTAssertEqual(error(#""\u12g4""#)?.reason, .badUnicodeEscape("\\u12g"))
        XCTAssertEqual(error(#""\ude00""#)?.reason, .badUnicodeEscape("\\uDE00 is a lone low surrogate"))
        XCTAssertEqual(error(#""\ud83d x""#)?.reason, .badUnicodeEscape("\\uD83D is not followed by a low surrogate"))
    }

    func testUnterminatedStringPointsAtItsOpeningQuote() {
        let failure = error("{\n  \"why\": \"no end,\n  \"peer\": 1\n}")
        XCTAssertEqual(failure?.reason, .unterminatedString)
        XCTAssertEqual(failure?.position, JSONPosition(line: 2, column: 10))
        XCTAssertEqual(error("\"abc")?.reason, .unterminatedString)
        XCTAssertEqual(error("\"abc\\")?.reason, .unterminatedString)
    }

    func testControlCharacterInString() {
        XCTAssertEqual(error("\"a\tb\"")?.reason, .controlCharacterInString("control character U+0009"))
    }

    func testTrailingCommasAreReportedAtTheComma() {
        let object = error("{\n  \"a\": 1,\n}")
        XCTAssertEqual(object?.reason, .trailingComma(before: "}"))
        XCTAssertEqual(object?.position, JSONPosition(line: 2, column: 9))
        XCTAssertEqual(error("[1, 2 , ]")?.reason, .trailingComma(before: "]"))
        XCTAssertEqual(error("[1, 2 , ]")?.position, JSONPosition(line: 1, column: 7))
    }

    func testDuplicateKeyNamesBothPlaces() {
        let failure = error("{\"peer\": 1,\n \"peer\": 2}")
        XCTAssertEqual(failure?.reason, .duplicateKey("peer", first: JSONPosition(line: 1, column: 2)))
        XCTAssertEqual(failure?.position, JSONPosition(line: 2, column: 2))
        XCTAssertEqual(failure?.description, "line 2, column 2: duplicate key \"peer\" (first at line 1, column 2)")
    }

    func testNumbers() throws {
        for valid in ["0", "-0", "12", "1.5", "1e9", "1E+9", "-2.5e-3"] {
            XCTAssertEqual(try parse(valid).value, .number(valid))
        }
        for invalid in ["01", "1.", "-", "1e", "1.e3", "--1", "1e+", "2-3"] {
            XCTAssertEqual(error(invalid)?.reason, .badNumber(invalid), invalid)
        }
        XCTAssertNotNil(error(".5"))
    }

    func testStructuralErrors() {
        XCTAssertEqual(error("")?.reason, .unexpectedEnd(expected: "a value"))
        XCTAssertEqual(error("{\"a\" 1}")?.reason, .unexpectedCharacter("'1'", expected: "':' after the key"))
        XCTAssertEqual(error("{rules: []}")?.reason, .unexpectedCharacter("'r'", expected: "a key in double quotes"))
        XCTAssertEqual(error("[1 2]")?.reason, .unexpectedCharacter("'2'", expected: "',' or ']'"))
        XCTAssertEqual(error("{\"a\": 1")?.reason, .unexpectedEnd(expected: "',' or '}'"))
        XCTAssertEqual(error("[True]")?.reason, .invalidLiteral("True"))
        XCTAssertEqual(error("{} {}")?.reason, .trailingContent("'{'"))
        XCTAssertEqual(error("[#]")?.reason, .unexpectedCharacter("'#'", expected: "a value"))
    }

    func testInvalidUTF8AndByteOrderMark() throws {
        XCTAssertEqual(try JSONDocument(bytes: [0xEF, 0xBB, 0xBF] + Array("[1]".utf8)).root.arrayValue?.count, 1)
        XCTAssertThrowsError(try JSONDocument(bytes: [0x22, 0x61, 0xFF, 0x22])) { error in
            XCTAssertEqual((error as? JSONSyntaxError)?.reason, .invalidUTF8)
        }
    }

    func testDeepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        XCTAssertEqual(error(deep)?.reason, .nestedTooDeep(limit: JSONDocument.maximumDepth))
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        XCTAssertNoThrow(try parse(fine))
    }

    func testKindDescriptions() throws {
        XCTAssertEqual(try parse("[]").kindDescription, "a list")
        XCTAssertEqual(try parse("{}").kindDescription, "an object")
        XCTAssertEqual(try parse("true").kindDescription, "true or false")
        XCTAssertEqual(try parse("\"\"").kindDescription, "a string")
    }
}
