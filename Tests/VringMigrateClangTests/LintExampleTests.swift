import Foundation
import VringMigrateClang
import VringMigrateCore
import XCTest

/// Every rule's own examples run as tests, plus the checks derived from them: the same trigger
/// inside a comment or a string finds nothing, a suppression comment silences it, and a multibyte
/// prefix shifts byte columns but not code-point columns.
final class LintExampleTests: XCTestCase {
    func eachTriggeringExample(_ body: (any LintRule, LintExample) throws -> Void) rethrows {
        for rule in Linter.allRules {
            XCTAssertFalse(rule.triggeringExamples.isEmpty, "\(rule.id) has no triggering example")
            for example in rule.triggeringExamples { try body(rule, example) }
        }
    }

    func testRulesDescribeThemselves() {
        let ids = Linter.allRules.map(\.id)
        XCTAssertEqual(ids, ["fence-kind", "call-conformance", "barrier-use", "barrier-strength"])
        for rule in Linter.allRules {
            XCTAssertFalse(rule.summary.isEmpty || rule.rationale.isEmpty, rule.id)
            XCTAssertFalse(rule.nonTriggeringExamples.isEmpty, "\(rule.id) has no non-triggering example")
        }
    }

    func testTriggeringExamplesFindExactlyTheMarkedPlaces() throws {
        try eachTriggeringExample { rule, example in
            let (text, markers) = example.source
            let found = try LintHarness.findings(of: rule, in: text, example: example)
            XCTAssertEqual(found.map(\.range.start), markers, "\(rule.id): \(example)\n\(found.map(\.message))")
            for finding in found {
                XCTAssertEqual(finding.start, LintHarness.position(of: finding.range.start, in: text), rule.id)
            }
        }
    }

    func testNonTriggeringExamplesFindNothing() throws {
        for rule in Linter.allRules {
            for example in rule.nonTriggeringExamples {
                let found = try LintHarness.findings(of: rule, in: example.source.text, example: example)
                XCTAssertEqual(found.map(\.message), [], "\(rule.id): \(example)")
            }
        }
    }

    func testTriggerInsideACommentFindsNothing() throws {
        try eachTriggeringExample { rule, example in
            let found = try LintHarness.findings(of: rule, in: ExampleVariant.commented(example.source.text), example: example)
            XCTAssertEqual(found.map(\.message), [], "\(rule.id): \(example)")
        }
    }

    func testTriggerInsideAStringFindsNothing() throws {
        try eachTriggeringExample { rule, example in
            let found = try LintHarness.findings(of: rule, in: ExampleVariant.quoted(example.source.text), example: example)
            XCTAssertEqual(found.map(\.message), [], "\(rule.id): \(example)")
        }
    }

    func testSuppressionCommentOnTheLineSilencesTheFinding() throws {
        try eachTriggeringExample { rule, example in
            let code = ExampleVariant.prefixingMarkedLines(example.code, with: "/* vringmigrate: ignore \(rule.id) */ ")
            let result = try LintHarness.lint(LintExample(code).source.text, path: example.path, headers: example.headers)
            XCTAssertEqual(result.findings.filter { $0.ruleID == rule.id }.map(\.message), [], "\(rule.id): \(code)")
            XCTAssertEqual(result.suppressed.filter { $0.ruleID == rule.id }.count, example.source.markers.count, rule.id)
        }
    }

    func testSuppressionCommentOnTheLineAboveSilencesTheFinding() throws {
        try eachTriggeringExample { rule, example in
            let code = ExampleVariant.commentAboveMarkedLines(example.code, comment: "// vringmigrate: ignore other-rule, \(rule.id)")
            let found = try LintHarness.findings(of: rule, in: LintExample(code).source.text, example: example)
            XCTAssertEqual(found.map(\.message), [], "\(rule.id): \(code)")
        }
    }

    func testSuppressionOfAnotherRuleDoesNotSilence() throws {
        try eachTriggeringExample { rule, example in
            let code = ExampleVariant.prefixingMarkedLines(example.code, with: "/* vringmigrate: ignore some-other-rule */ ")
            let (text, markers) = LintExample(code).source
            XCTAssertEqual(try LintHarness.findings(of: rule, in: text, example: example).map(\.range.start), markers, rule.id)
        }
    }

    func testMultibytePrefixShiftsByteColumnsNotCodePoints() throws {
        try eachTriggeringExample { rule, example in
            let code = ExampleVariant.prefixingMarkedLines(example.code, with: "/* né été */ ")
            let (text, markers) = LintExample(code).source
            let found = try LintHarness.findings(of: rule, in: text, example: example)
            XCTAssertEqual(found.map(\.range.start), markers, rule.id)
            for finding in found {
                let expected = LintHarness.position(of: finding.range.start, in: text)
                XCTAssertEqual(finding.start, expected, rule.id)
                XCTAssertEqual(finding.start.column - finding.start.codePointColumn, 3, "three two-byte characters: \(rule.id)")
            }
        }
    }
}
