import Foundation
@testable import VringMigrateClang
import VringMigrateCore
import XCTest

/// The fixes findings carry (SARIF `fixes`, JSON `fix`): the migration's own edits where it has
/// them, and never a fix that would compile but be wrong.
final class LintFixTests: XCTestCase {
    func testPreMigrationCallsCarryTheMigrationsOwnEdits() {
        let root = Repository.fixtureTree("pre-3.3")
        let analysis = Analyzer(settings: ParseSettings(), jobs: 2).analyze(root: root).analysis
        let plan = Migrator(analysis: analysis, rules: .builtIn).plan()
        let findings = Linter(rulesTable: .builtIn).lint(analysis).findings
        XCTAssertEqual(findings.count, 6)
        for finding in findings {
            XCTAssertFalse(finding.fix.isEmpty, finding.path)
            XCTAssertTrue(Set(finding.fix).isSubset(of: Set(plan.edits.edits(for: finding.path))), finding.path)
        }
    }

    func testFixesOfTheBuggyTreeRestoreTheCorrectOne() throws {
        let analysis = Analyzer(settings: ParseSettings(), jobs: 2).analyze(root: Repository.fixtureTree("post-3.3-buggy")).analysis
        let findings = Linter(rulesTable: .builtIn).lint(analysis).findings
        let edits = try EditSet(findings.flatMap(\.fix))
        let path = "drivers/virtio/virtio_ring.c"
        let fixed = edits.apply(to: try XCTUnwrap(analysis.files[path]).bytes, path: path)
        let correct = try Data(contentsOf: URL(fileURLWithPath: Repository.fixtureTree("post-3.3") + "/" + path))
        XCTAssertEqual(fixed, Array(correct))
    }

    func testBarrierUseFixPassesTheQueueOnlyWhereTheHelperTakesTheQueue() throws {
        let queueForm = BarrierUseExamples.triggering[0]
        let queueFinding = try XCTUnwrap(try LintHarness.findings(of: BarrierUseRule(), in: queueForm.source.text, example: queueForm).first)
        XCTAssertEqual(queueFinding.fix.map(\.replacementText), ["vq"])
        let flagForm = BarrierUseExamples.triggering[1]
        let flagFinding = try XCTUnwrap(try LintHarness.findings(of: BarrierUseRule(), in: flagForm.source.text, example: flagForm).first)
        XCTAssertEqual(flagFinding.fix, [], "passing the queue to a bool parameter would compile and always be true")
        XCTAssertTrue(flagFinding.message.contains("weak_barriers flag"), flagFinding.message)
    }
}
