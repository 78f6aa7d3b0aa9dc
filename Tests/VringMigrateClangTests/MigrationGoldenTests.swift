import Foundation
import VringMigrateClang
import VringMigrateCore
import XCTest

/// The migration of every fixture tree equals its golden diff; an empty golden diff means no
/// change is allowed. pre-3.3 must become post-3.3 byte for byte.
final class MigrationGoldenTests: XCTestCase {
    func plan(_ tree: String) throws -> (TreeAnalysis, MigrationPlan) {
        let root = Repository.fixtureTree(tree)
        let analysis = Analyzer(settings: ParseSettings(), jobs: 2).analyze(root: root).analysis
        let rulesFile = root + "/.vringmigrate.json"
        let rules = FileManager.default.fileExists(atPath: rulesFile) ? try RulesTable.load(path: rulesFile) : RulesTable.builtIn
        return (analysis, Migrator(analysis: analysis, rules: rules).plan())
    }

    func diff(_ analysis: TreeAnalysis, _ plan: MigrationPlan) -> String {
        let bytes = plan.edits.paths.flatMap { path in
            UnifiedDiff.render(path: path, old: analysis.files[path]!.bytes, new: plan.edits.apply(to: analysis.files[path]!.bytes, path: path))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func testEveryTreeMatchesItsGoldenDiff() throws {
        for tree in ScanGoldenTests.trees {
            let (analysis, plan) = try plan(tree)
            XCTAssertEqual(plan.findings.map(\.message), [], tree)
            Golden.assertMatches(diff(analysis, plan), golden: Repository.golden(tree, "migrate.diff"))
        }
    }

    func testMigratedTreesGetNoChange() throws {
        for tree in ["post-3.3", "post-3.3-buggy", "modern", "kick-prepare-mb", "kick-prepare-wmb"] {
            XCTAssertTrue(try plan(tree).1.isEmpty, tree)
        }
    }

    func testPre33BecomesPost33ByteForByte() throws {
        let (analysis, plan) = try plan("pre-3.3")
        let expectedRoot = Repository.fixtureTree("post-3.3")
        for (path, file) in analysis.files {
            let migrated = plan.edits.apply(to: file.bytes, path: path)
            let expected = try XCTUnwrap(FileManager.default.contents(atPath: expectedRoot + "/" + path), path)
            XCTAssertEqual(migrated, Array(expected), path)
        }
    }

    func testEveryCallSiteGetsAReviewLineNamingItsRule() throws {
        let (analysis, plan) = try plan("pre-3.3")
        let calls = analysis.sites.filter { $0.kind == .call }
        for call in calls {
            let entry = plan.review.first { $0.path == call.path && $0.line == call.line }
            XCTAssertNotNil(entry?.transport, "\(call.path):\(call.line)")
            XCTAssertNotNil(entry?.evidence)
        }
        let remoteproc = plan.review.first { $0.path.hasPrefix("drivers/remoteproc/") }
        XCTAssertEqual(remoteproc?.value, "false")
        XCTAssertEqual(remoteproc?.peer, "device")
    }

    func testACallNoRuleCoversIsLeftUnchangedAndReported() throws {
        let root = Repository.fixtureTree("pre-3.3")
        let analysis = Analyzer(settings: ParseSettings(), jobs: 2).analyze(root: root).analysis
        let onlyPCI = try RulesTable(json: Array("""
            {"rules":[{"transport":"pci","match":{"paths":["drivers/virtio/virtio_pci.c"]},"weak_barriers":true,"peer":"smp-cpu","why":"test"}]}
            """.utf8), source: .file("test.json"))
        let plan = Migrator(analysis: analysis, rules: onlyPCI).plan()
        XCTAssertEqual(plan.findings.filter { $0.message.contains("no transport rule") }.count, 5)
        XCTAssertTrue(plan.edits.edits(for: "drivers/virtio/virtio_mmio.c").isEmpty)
        XCTAssertFalse(plan.edits.edits(for: "drivers/virtio/virtio_pci.c").isEmpty)
    }
}

/// `git apply` of the printed diff gives the same bytes as `apply`.
final class MigrationGitApplyTests: XCTestCase {
    func testGitApplyOfTheDiffEqualsTheMigratedTree() throws {
        let copy = NSTemporaryDirectory() + "vm-gitapply-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Repository.fixtureTree("pre-3.3"), toPath: copy)
        defer { try? FileManager.default.removeItem(atPath: copy) }
        let patch = Repository.golden("pre-3.3", "migrate.diff")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", copy, "apply", patch]
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let expected = Repository.fixtureTree("post-3.3")
        let files = FileManager.default.enumerator(atPath: expected)!.compactMap { $0 as? String }.filter { $0.hasSuffix(".c") || $0.hasSuffix(".h") }
        XCTAssertFalse(files.isEmpty)
        for file in files {
            XCTAssertEqual(FileManager.default.contents(atPath: copy + "/" + file), FileManager.default.contents(atPath: expected + "/" + file), file)
        }
    }
}
