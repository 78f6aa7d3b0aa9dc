import Foundation
@testable import VringMigrateClang
import VringMigrateCore
import XCTest

/// Every fixture tree's lint must equal its golden `lint.txt` (text format); an empty file means
/// no finding is allowed.
final class LintGoldenTests: XCTestCase {
    static let trees = ["pre-3.3", "post-3.3", "post-3.3-buggy", "modern", "edge-cases", "kick-prepare-wmb", "kick-prepare-mb"]

    static func lint(_ root: String, jobs: Int = 2) -> (LintResult, [RunDiagnostic]) {
        let (analysis, _, diagnostics) = Analyzer(settings: ParseSettings(), jobs: jobs).analyze(root: root)
        let rules = FileManager.default.fileExists(atPath: root + "/.vringmigrate.json")
            ? try! RulesTable.load(path: root + "/.vringmigrate.json") : RulesTable.builtIn
        return (Linter(rulesTable: rules).lint(analysis), diagnostics)
    }

    func testEveryTreeMatchesItsGoldenLint() {
        for tree in Self.trees {
            let (result, diagnostics) = Self.lint(Repository.fixtureTree(tree))
            XCTAssertEqual((diagnostics + result.diagnostics).filter { $0.level == .error }, [], tree)
            XCTAssertEqual(result.suppressed, [], tree)
            Golden.assertMatches(TextReporter().report(findings: result.findings, rules: []), golden: Repository.golden(tree, "lint.txt"))
        }
    }

    func testAcceptance() {
        let buggy = Self.lint(Repository.fixtureTree("post-3.3-buggy")).0.findings
        XCTAssertEqual(buggy.map(\.ruleID), ["fence-kind", "fence-kind"])
        XCTAssertEqual(buggy.map(\.start.line), [21, 21])
        XCTAssertTrue(buggy.allSatisfy { $0.message.hasPrefix("virtio_wmb expands to") && $0.severity == .error })
        let pre = Self.lint(Repository.fixtureTree("pre-3.3")).0.findings
        XCTAssertEqual(Set(pre.map(\.ruleID)), ["call-conformance"])
        let preAnalysis = Analyzer(settings: ParseSettings(), jobs: 2).analyze(root: Repository.fixtureTree("pre-3.3")).analysis
        let calls = preAnalysis.sites.filter { $0.kind == .call }
        XCTAssertEqual(pre.map(\.range), calls.map(\.range), "one finding per call site")
        XCTAssertTrue(pre.allSatisfy { !$0.fix.isEmpty }, "the migration's edit is every pre-3.3 call's fix")
        let kick = Self.lint(Repository.fixtureTree("kick-prepare-wmb")).0.findings
        XCTAssertEqual(kick.map(\.ruleID), ["barrier-strength"])
        XCTAssertEqual(kick.first?.fix.map(\.replacementText), ["virtio_mb"])
        for tree in ["post-3.3", "modern", "kick-prepare-mb"] {
            XCTAssertEqual(Self.lint(Repository.fixtureTree(tree)).0.findings.map(\.message), [], tree)
        }
    }

    func testFindingsAndFingerprintsDoNotDependOnTheNumberOfWorkers() {
        for tree in ["pre-3.3", "post-3.3-buggy"] {
            XCTAssertEqual(Self.lint(Repository.fixtureTree(tree), jobs: 1).0.findings, Self.lint(Repository.fixtureTree(tree), jobs: 4).0.findings)
        }
    }

    /// Linux 6.1 (Debian linux-source-6.1, unpacked once): an already-migrated tree lints clean,
    /// and barrier-strength really judges its read and write barriers rather than skipping them.
    func testLinux61LintsCleanWithVerdictsOnItsBarriers() throws {
        let root = "/var/cache/vringmigrate/linux-source-6.1"
        guard FileManager.default.fileExists(atPath: root + "/drivers/virtio/virtio_ring.c") else { throw XCTSkip("no Linux 6.1 tree at \(root)") }
        let (analysis, _, diagnostics) = Analyzer(settings: ParseSettings(), jobs: 2).analyze(root: root)
        let result = Linter(rulesTable: .builtIn).lint(analysis)
        XCTAssertEqual(result.findings.map(\.message), [])
        XCTAssertEqual((diagnostics + result.diagnostics).filter { $0.level == .error }, [])
        let context = LintContext(analysis: analysis, rulesTable: .builtIn, operations: .builtIn)
        let judged = context.sites(.barrierUse).filter { BarrierStrengthRule().pair(at: $0, context) != nil }
        let places = Set(judged.map { "\($0.function ?? "?"):\($0.name)" })
        for expected in ["virtqueue_add_split:virtio_wmb", "virtqueue_get_buf_ctx_split:virtio_rmb", "virtqueue_kick_prepare_split:virtio_mb",
                         "__vringh_get_head:virtio_rmb", "mlxbf_tmfifo_get_next_desc:virtio_rmb", "vringh_get_head:virtio_rmb"] {
            XCTAssertTrue(places.contains(expected), "\(expected) not judged; judged: \(places.sorted())")
        }
    }
}
