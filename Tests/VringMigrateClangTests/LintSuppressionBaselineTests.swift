import Foundation
@testable import VringMigrateClang
import VringMigrateCore
import XCTest

/// Suppression comments, baselines, fingerprints and the run errors of the lint.
final class LintSuppressionBaselineTests: XCTestCase {
    func suppressions(_ text: String) -> [Int: Set<String>] {
        Suppressions(file: SourceFile(relativePath: "a.c", absolutePath: "/a.c", bytes: Array(text.utf8))).rulesByLine
    }

    func testSuppressionCoversTheCommentsLinesAndTheNextLine() {
        XCTAssertEqual(suppressions("int a;\n/* vringmigrate: ignore fence-kind, barrier-use */\nint b;\n"),
                       [2: ["fence-kind", "barrier-use"], 3: ["fence-kind", "barrier-use"]])
        XCTAssertEqual(suppressions("x(); // vringmigrate: ignore call-conformance\n"), [1: ["call-conformance"], 2: ["call-conformance"]])
        XCTAssertEqual(suppressions("/*vringmigrate: ignore fence-kind*/"), [1: ["fence-kind"], 2: ["fence-kind"]])
    }

    func testSuppressionIsHonouredOnlyInComments() {
        XCTAssertEqual(suppressions("const char *s = \"/* vringmigrate: ignore fence-kind */\";\n"), [:])
        XCTAssertEqual(suppressions("const char *s = \"vringmigrate: ignore fence-kind\";\n"), [:])
        XCTAssertEqual(suppressions("/* vringmigrate: please ignore fence-kind */\n"), [:])
    }

    func testSuppressionSpelledInAStringAboveTheTriggerDoesNotSilenceIt() throws {
        let example = BarrierStrengthExamples.triggering[0]
        let code = example.code.replacingOccurrences(
            of: "\t↓virtio_wmb(vq);", with: "\tconst char *why = \"/* vringmigrate: ignore barrier-strength */\";\n\t↓virtio_wmb(vq);")
        let (text, markers) = LintExample(code).source
        XCTAssertEqual(try LintHarness.findings(of: BarrierStrengthRule(), in: text, example: example).map(\.range.start), markers)
    }

    /// A copy of a fixture tree, for tests that edit it.
    func copyOfFixture(_ tree: String) throws -> String {
        let root = NSTemporaryDirectory() + "vm-lint-copy-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Repository.fixtureTree(tree), toPath: root)
        return root
    }

    func testFingerprintsSurviveEditsAboveTheFinding() throws {
        let root = try copyOfFixture("post-3.3-buggy")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = LintGoldenTests.lint(root).0.findings
        let path = root + "/drivers/virtio/virtio_ring.c"
        let original = try String(contentsOfFile: path, encoding: .utf8)
        try ("/* three\n * more\n * lines */\n" + original).write(toFile: path, atomically: true, encoding: .utf8)
        let after = LintGoldenTests.lint(root).0.findings
        XCTAssertEqual(after.map(\.start.line), before.map { $0.start.line + 3 })
        XCTAssertEqual(after.map(\.fingerprint), before.map(\.fingerprint))
        XCTAssertEqual(Set(before.map(\.fingerprint)).count, before.count, "fingerprints are distinct")
    }

    func testBaselineRoundTripsAndAcceptsExactlyItsFindings() throws {
        let findings = LintGoldenTests.lint(Repository.fixtureTree("pre-3.3")).0.findings
        let baseline = LintBaseline(findings: Array(findings.prefix(4)))
        let reread = try LintBaseline(json: Array(baseline.render().utf8))
        XCTAssertEqual(reread, baseline)
        let (new, accepted) = reread.partition(findings)
        XCTAssertEqual(accepted, Array(findings.prefix(4)))
        XCTAssertEqual(new, Array(findings.dropFirst(4)))
        XCTAssertTrue(baseline.render().contains("\"rule\" : \"call-conformance\""), baseline.render())
    }

    func testMalformedBaselineSaysWhatIsWrong() {
        XCTAssertThrowsError(try LintBaseline(json: Array("{\"version\": 1}".utf8))) { error in
            XCTAssertTrue("\(error)".contains("missing key \"findings\""), "\(error)")
        }
        XCTAssertThrowsError(try LintBaseline(json: Array("{\"version\": 2, \"findings\": []}".utf8))) { error in
            XCTAssertTrue("\(error)".contains("version 2"), "\(error)")
        }
        XCTAssertThrowsError(try LintBaseline(json: Array("not json".utf8)))
    }

    func testRepeatedFingerprintsAreNumbered() {
        let finding = Finding(ruleID: "r", severity: .error, path: "p", range: .at(0),
            start: SourcePosition(line: 1, column: 1, codePointColumn: 1), end: SourcePosition(line: 1, column: 1, codePointColumn: 1),
            message: "m", fingerprint: "abc")
        XCTAssertEqual(Linter.numberRepeatedFingerprints([finding, finding, finding]).map(\.fingerprint), ["abc", "abc:2", "abc:3"])
    }

    /// A call only the token scan saw (here dropped by a macro) could hide what the lint checks:
    /// the run reports it as an error, which makes the exit code 2.
    func testUnconfirmedCallIsARunError() throws {
        let code = """
            #include <linux/types.h>
            #include <linux/virtio.h>
            #include <linux/virtio_ring.h>
            #define DROP(x)

            void f(struct virtio_device *vdev)
            {
            \tDROP(vring_new_virtqueue(64, 4096, vdev, true, NULL, NULL, NULL, "x"));
            }

            """
        let result = try LintHarness.lint(code, path: "drivers/virtio/virtio_pci.c", headers: "post-3.3")
        XCTAssertEqual(result.diagnostics.map(\.level), [.error])
        XCTAssertTrue(result.diagnostics.first?.message.contains("not confirmed by the parse") ?? false, "\(result.diagnostics)")
    }
}
