import XCTest
@testable import VringMigrateCore

/// Every reporter renders the same fixed findings into its golden file.
final class ReporterGoldenTests: XCTestCase {
    private let findings = ReporterFixtures.findings
    private let rules = ReporterFixtures.rules
    private let tool = ReporterFixtures.tool

    func testText() {
        GoldenFile.assertMatches(TextReporter().report(findings: findings, rules: rules), named: "report.txt")
    }

    func testJSONLines() {
        GoldenFile.assertMatches(JSONLinesReporter().report(findings: findings, rules: rules), named: "report.jsonl")
    }

    func testSARIF() {
        let reporter = SARIFReporter(tool: tool, sourceRoot: ReporterFixtures.sourceRoot)
        GoldenFile.assertMatches(reporter.report(findings: findings, rules: rules), named: "report.sarif")
    }

    func testGitHubAnnotations() {
        GoldenFile.assertMatches(GitHubReporter(tool: tool).report(findings: findings, rules: rules), named: "report.github")
    }

    func testGitHubSummary() {
        GoldenFile.assertMatches(GitHubReporter(tool: tool).summaryMarkdown(findings: findings, rules: rules), named: "report-summary.md")
    }

    func testOutputDoesNotDependOnInputOrder() {
        // A twin that ties with `kick` on path, position, rule and message.
        var twin = ReporterFixtures.kick
        twin.fingerprint = "0000000000000000"
        twin.severity = .warning
        let all = findings + [twin]
        for format in ReportFormat.allCases {
            let reporter = format.makeReporter(tool: tool, sourceRoot: ReporterFixtures.sourceRoot)
            let forward = reporter.report(findings: all, rules: rules)
            let backward = reporter.report(findings: all.reversed(), rules: rules.reversed())
            XCTAssertEqual(forward, backward, format.rawValue)
        }
    }

    func testNoFindingsGiveEmptyOrMinimalReports() {
        XCTAssertEqual(TextReporter().report(findings: [], rules: rules), "")
        XCTAssertEqual(JSONLinesReporter().report(findings: [], rules: rules), "")
        XCTAssertEqual(GitHubReporter(tool: tool).report(findings: [], rules: rules), "")
        XCTAssertEqual(GitHubReporter(tool: tool).summaryMarkdown(findings: [], rules: rules), "## vringmigrate 0.1.0\n\nNo findings.\n")
    }
}
