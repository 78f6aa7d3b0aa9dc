import VringMigrateCore

/// `/* vringmigrate: ignore RULE-ID */` (or `// vringmigrate: ignore RULE-ID, OTHER-ID`) silences
/// those rules on the comment's own lines and on the line after it.
///
/// Only real comments count: the bytes are walked with the same lexer as the scanner, so the
/// directive spelled inside a string literal, or a comment-looking sequence inside a string, is
/// never honoured.
struct Suppressions {
    static let directive = Array("vringmigrate:".utf8)

    /// 1-based line → rule ids suppressed on it.
    private(set) var rulesByLine: [Int: Set<String>] = [:]

    init(file: SourceFile) {
        let bytes = file.bytes
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if CLexer.isCommentStart(bytes, at: index), let end = CLexer.skipTrivia(bytes, at: index) {
                note(comment: ByteRange(start: index, end: end), in: file)
                index = end
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index = CLexer.skipLiteral(bytes, at: index)
            } else {
                index += 1
            }
        }
    }

    func suppresses(_ finding: Finding) -> Bool {
        rulesByLine[finding.start.line]?.contains(finding.ruleID) ?? false
    }

    private mutating func note(comment: ByteRange, in file: SourceFile) {
        let ids = Self.ruleIDs(in: Array(file.bytes[comment.start..<comment.end]))
        guard !ids.isEmpty else { return }
        let first = file.position(of: comment.start).line
        let last = file.position(of: max(comment.start, comment.end - 1)).line
        for line in first...(last + 1) { rulesByLine[line, default: []].formUnion(ids) }
    }

    /// The ids after `vringmigrate: ignore`, separated by commas or spaces.
    static func ruleIDs(in comment: [UInt8]) -> [String] {
        guard let at = find(directive, in: comment) else { return [] }
        let closes = comment.count >= 2 && comment[comment.count - 2] == UInt8(ascii: "*") && comment.last == UInt8(ascii: "/")
        let words = String(decoding: comment[(at + directive.count)..<(comment.count - (closes ? 2 : 0))], as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," || $0 == "\n" || $0 == "\r" })
        guard words.first == "ignore" else { return [] }
        return words.dropFirst().prefix { word in
            word.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } && !word.isEmpty
        }.map(String.init)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { haystack[$0..<$0 + needle.count].elementsEqual(needle) }
    }
}
