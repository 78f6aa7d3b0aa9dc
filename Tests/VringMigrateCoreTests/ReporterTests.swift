import Foundation
import XCTest
@testable import VringMigrateCore

/// Behaviour of the text, JSON Lines and GitHub reporters beyond the goldens.
final class ReporterTests: XCTestCase {
    private let rules = ReporterFixtures.rules

    func testTextLinePutsTheRuleAfterTheFirstMessageLineAndIndentsTheRest() {
        let text = TextReporter().report(findings: [ReporterFixtures.barrierKind, ReporterFixtures.kick], rules: rules)
        XCTAssertEqual(text, """
        drivers/virtio/virtio_ring.c:40:2: warning: virtio_wmb(vq) expands to rmb(): a read fence, 100% wrong for stores [virtio-barrier-kind]
          store, then store: needs wmb
        drivers/virtio/virtio_ring.c:300:2: error: store then load needs a full barrier [virtio-kick-full-barrier]
          avail->idx is written, then the avail event is read
          fixed upstream by a72caae21803 <virtio_mb>

        """)
    }

    func testTextUsesByteColumns() {
        XCTAssertTrue(TextReporter().report(findings: [ReporterFixtures.multibyte], rules: rules)
            .hasPrefix("drivers/misc/mic/vöp/vop_main.c:7:20: note: "))
    }

    func testJSONLinesCarryEveryKeyAndParse() throws {
        let output = JSONLinesReporter().report(findings: ReporterFixtures.findings, rules: rules)
        let lines = output.split(separator: "\n")
        XCTAssertEqual(lines.count, 5)
        for line in lines {
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertEqual(Set(object.keys), ["rule", "severity", "path", "line", "column", "end_line", "end_column",
                                              "start", "end", "message", "notes", "fingerprint", "fix"])
        }
        let first = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        XCTAssertEqual(first["path"] as? String, "drivers/misc/mic/vöp/vop_main.c")
        XCTAssertEqual(first["column"] as? Int, 20)
        XCTAssertFalse(output.contains("\\/"), "slashes must stay unescaped")
        let prototype = JSONLinesReporter.line(for: ReporterFixtures.prototype)
        let fix = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(prototype.utf8)) as? [String: Any])?["fix"] as? [[String: Any]])
        XCTAssertEqual(fix.map { $0["path"] as? String }, ["include/linux/virtio_ring.h", "tools/virtio/linux/virtio.h"])
        XCTAssertEqual(fix.first?["start"] as? Int, 1_240)
        XCTAssertEqual(fix.first?["replacement"] as? String, "bool weak_barriers,\n\t\t\t\t      ")
    }

    func testGitHubEscapingMatchesTheToolkit() {
        XCTAssertEqual(GitHubReporter.escapeData("100% a:b,c\r\nd"), "100%25 a:b,c%0D%0Ad")
        XCTAssertEqual(GitHubReporter.escapeProperty("100% a:b,c\r\nd"), "100%25 a%3Ab%2Cc%0D%0Ad")
        XCTAssertEqual(GitHubReporter.escapeProperty("%25"), "%2525")
    }

    func testGitHubCommandsBySeverityAndSpan() {
        XCTAssertEqual(GitHubReporter.command(for: ReporterFixtures.barrierKind),
                       "::warning file=drivers/virtio/virtio_ring.c,line=40,col=2,endLine=40,endColumn=16,title=virtio-barrier-kind::"
                       + "virtio_wmb(vq) expands to rmb(): a read fence, 100%25 wrong for stores%0Astore, then store: needs wmb")
        XCTAssertEqual(GitHubReporter.command(for: ReporterFixtures.multibyte),
                       "::notice file=drivers/misc/mic/vöp/vop_main.c,line=7,col=17,endLine=7,endColumn=22,title=weak-barriers-evidence::"
                       + "passes false: the peer is a device (MIC card over PCIe)")
        // A multi-line annotation may not carry columns.
        XCTAssertTrue(GitHubReporter.command(for: ReporterFixtures.kick)
            .hasPrefix("::error file=drivers/virtio/virtio_ring.c,line=300,endLine=302,title=virtio-kick-full-barrier::store then load"))
    }

    func testGitHubPropertyValuesAreEscaped() {
        var finding = ReporterFixtures.barrierKind
        finding.path = "odd,dir/a:b.c"
        XCTAssertTrue(GitHubReporter.command(for: finding).hasPrefix("::warning file=odd%2Cdir/a%3Ab.c,line=40,"))
    }

    func testSummaryEscapesMarkdown() {
        XCTAssertEqual(GitHubReporter.escape("a|b <x> *y* `z`\nnext"), "a\\|b \\<x\\> \\*y\\* \\`z\\`<br>next")
        let summary = GitHubReporter(tool: ReporterFixtures.tool).summaryMarkdown(findings: ReporterFixtures.findings, rules: rules)
        XCTAssertTrue(summary.contains("5 findings: 3 errors, 1 warning, 1 note."), summary)
        // One table row per finding, however many there are (annotations are capped, the summary is not).
        let many = (0..<120).map { index -> Finding in
            var finding = ReporterFixtures.kick
            finding.start.line = index + 1
            return finding
        }
        let rows = GitHubReporter(tool: ReporterFixtures.tool).summaryMarkdown(findings: many, rules: rules)
            .split(separator: "\n").filter { $0.hasPrefix("| error |") }
        XCTAssertEqual(rows.count, 120)
    }

    func testReportFormatsAreNamedForTheCLI() {
        XCTAssertEqual(ReportFormat.namesForHelp, "text, jsonl, sarif, github")
        XCTAssertNil(ReportFormat(rawValue: "xml"))
        XCTAssertTrue(ReportFormat.sarif.makeReporter(tool: ReporterFixtures.tool) is SARIFReporter)
        XCTAssertTrue(ReportFormat.github.makeReporter(tool: ReporterFixtures.tool) is GitHubReporter)
    }
}
