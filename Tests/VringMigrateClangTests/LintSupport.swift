import Foundation
import VringMigrateClang
import VringMigrateCore
import XCTest

/// Runs lint examples: each C example is written into a scratch tree beside a copy of a fixture
/// tree's stub headers, analysed like any tree, and linted with the built-in tables.
enum LintHarness {
    /// The findings of every rule for one C file at `path` in a tree with `headers`' include/.
    static func lint(_ text: String, path: String, headers: String) throws -> LintResult {
        let root = try scratchTree(headers: headers)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = root + "/" + path
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        let analysis = Analyzer(settings: ParseSettings(), jobs: 2).analyze(root: root).analysis
        return Linter(rulesTable: RulesTable.builtIn).lint(analysis)
    }

    static func findings(of rule: any LintRule, in text: String, example: LintExample) throws -> [Finding] {
        try lint(text, path: example.path, headers: example.headers).findings.filter { $0.ruleID == rule.id }
    }

    private static func scratchTree(headers: String) throws -> String {
        let root = NSTemporaryDirectory() + "vm-lint-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.fixtureTree(headers) + "/include", toPath: root + "/include")
        return root
    }

    /// 1-based line, byte column and code-point column of a byte offset in `text`.
    static func position(of offset: Int, in text: String) -> SourcePosition {
        let bytes = Array(text.utf8)[..<offset]
        let lineStart = (bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
        let line = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
        let codePoints = bytes[lineStart...].filter { ($0 & 0xC0) != 0x80 }.count
        return SourcePosition(line: line, column: offset - lineStart + 1, codePointColumn: codePoints + 1)
    }
}

/// Variants of an example's code, for the derived checks. They work on the marked code so marker
/// positions follow every insertion.
enum ExampleVariant {
    /// The whole example inside one block comment.
    static func commented(_ text: String) -> String {
        "/*\n" + text.replacingOccurrences(of: "*/", with: "* /") + "\n*/\n"
    }

    /// Every line of the example as a string literal.
    static func quoted(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            "\t\"" + line.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\\n\""
        }
        return "static const char *example =\n" + lines.joined(separator: "\n") + ";\n"
    }

    /// `insertion` at the first non-blank byte of every line holding a marker.
    static func prefixingMarkedLines(_ code: String, with insertion: String) -> String {
        mapLines(code) { line in
            guard line.contains(LintExample.marker) else { return [line] }
            let indent = line.prefix { $0 == " " || $0 == "\t" }
            return [indent + insertion + line.dropFirst(indent.count)]
        }
    }

    /// A line holding only `comment` above every marked line; inside a continued directive the
    /// new line continues it too.
    static func commentAboveMarkedLines(_ code: String, comment: String) -> String {
        var previous = ""
        return mapLines(code) { line in
            defer { previous = line }
            guard line.contains(LintExample.marker) else { return [line] }
            let indent = String(line.prefix { $0 == " " || $0 == "\t" })
            return [indent + comment + (previous.hasSuffix("\\") ? " \\" : ""), line]
        }
    }

    private static func mapLines(_ code: String, _ transform: (String) -> [String]) -> String {
        code.split(separator: "\n", omittingEmptySubsequences: false).flatMap { transform(String($0)) }.joined(separator: "\n")
    }
}
