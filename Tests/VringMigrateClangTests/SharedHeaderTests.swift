import Foundation
@testable import VringMigrateClang
import VringMigrateCore
import XCTest

/// The shared precompiled kernel header is a speed-up only: every scan must come out site for
/// site as if each source had parsed its own headers.
final class SharedHeaderTests: XCTestCase {
    func analyze(_ root: String, sharing: Bool) -> (TreeAnalysis, ScanStatistics) {
        let result = Analyzer(settings: ParseSettings(sharesKernelHeaders: sharing), jobs: 2).analyze(root: root)
        return (result.analysis, result.statistics)
    }

    func testEveryFixtureTreeScansTheSameWithAndWithoutTheSharedHeader() {
        for tree in ScanGoldenTests.trees {
            let (shared, sharedStatistics) = analyze(Repository.fixtureTree(tree), sharing: true)
            let (plain, plainStatistics) = analyze(Repository.fixtureTree(tree), sharing: false)
            XCTAssertEqual(shared.sites, plain.sites, tree)
            XCTAssertGreaterThan(sharedStatistics.filesParsedWithSharedHeader, 0, "\(tree): the shared header was not used")
            XCTAssertEqual(plainStatistics.filesParsedWithSharedHeader, 0, tree)
            XCTAssertEqual(sharedStatistics.filesParsed, plainStatistics.filesParsed, tree)
        }
    }

    /// A core header that pulls in a file of interest would hide that file's facts inside the
    /// precompiled header, so no header is shared and every parse reads its own.
    func testNoHeaderIsSharedWhenAFileOfInterestWouldBeInside() throws {
        let root = NSTemporaryDirectory() + "vm-shared-header-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Repository.fixtureTree("pre-3.3"), toPath: root)
        defer { try? FileManager.default.removeItem(atPath: root) }
        let kernelHeader = root + "/include/linux/kernel.h"
        let original = try String(contentsOfFile: kernelHeader, encoding: .utf8)
        try (original + "#include <linux/virtio_ring.h>\n").write(toFile: kernelHeader, atomically: true, encoding: .utf8)
        let (shared, statistics) = analyze(root, sharing: true)
        XCTAssertEqual(statistics.filesParsedWithSharedHeader, 0)
        XCTAssertEqual(shared.sites, analyze(root, sharing: false).0.sites)
        XCTAssertTrue(shared.sites.contains { $0.path == "include/linux/virtio_ring.h" && $0.foundBy == .ast })
    }

    /// The header file is deleted as soon as it is built and loaded through its open descriptor,
    /// so an interrupted scan leaves nothing behind.
    func testTheBuiltHeaderIsAlreadyDeletedFromTheTemporaryFolder() throws {
        let root = Repository.fixtureTree("pre-3.3")
        let interest = InterestCache(treeRoot: root, prefilter: Prefilter(names: Array(WatchedNames.all)))
        let plan = try XCTUnwrap(ParseSettings().sharedHeaderPlan(treeRoot: root, headers: SharedHeader.coreHeaders))
        let header = try XCTUnwrap(SharedHeader.build(plan, interest: interest))
        XCTAssertTrue(header.path.hasPrefix("/proc/self/fd/"), header.path)
        let target = try FileManager.default.destinationOfSymbolicLink(atPath: header.path)
        XCTAssertTrue(target.hasSuffix("(deleted)"), target)
        XCTAssertGreaterThan(try Data(contentsOf: URL(fileURLWithPath: header.path)).count, 0)
    }

    /// A header libclang cannot load (here: not a precompiled header at all) must not leave a
    /// parse without its declarations: the source is parsed again on its own.
    func testASourceIsParsedWithoutAHeaderLibClangCannotLoad() throws {
        let root = Repository.fixtureTree("pre-3.3")
        let folder = NSTemporaryDirectory() + "vm-bad-pch-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try Data("not a precompiled header".utf8).write(to: URL(fileURLWithPath: folder + "/bad.pch"))
        let settings = ParseSettings()
        let plan = try XCTUnwrap(settings.sharedHeaderPlan(treeRoot: root, headers: SharedHeader.coreHeaders))
        let phase = ParsePhase(settings: settings, treeRoot: root)
        phase.sharedHeader.header = SharedHeader(path: folder + "/bad.pch", directories: plan.directories, folder: folder)
        let prefilter = Prefilter(names: Array(WatchedNames.all))
        let parser = ParsePhase.parser(interest: InterestCache(treeRoot: root, prefilter: prefilter))
        let walked = WalkedFile(relativePath: "drivers/virtio/virtio_pci.c", absolutePath: root + "/drivers/virtio/virtio_pci.c")
        guard case .candidate(let source) = Analyzer.readOne(walked, prefilter: prefilter, buffer: ReusableReadBuffer()) else {
            return XCTFail("virtio_pci.c is not a candidate")
        }
        let loading = settings.arguments(for: walked.absolutePath, treeRoot: root, sharedHeader: phase.sharedHeader.header)
        XCTAssertTrue(loading.usesSharedHeader)
        guard case .failed = parser.parse(path: walked.absolutePath, arguments: loading.arguments, unsaved: [], sharedHeader: true) else {
            return XCTFail("a parse that could not load the header counted")
        }
        guard case .parsed(let facts) = phase.parseOne(source, parser: parser) else { return XCTFail("no fallback parse") }
        XCTAssertEqual(facts.files[source.realPath]?.calls.count, 1)
        XCTAssertEqual(phase.sharedHeader.uses, 0)
        phase.sharedHeader.header = nil
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder), "the header's folder outlived it")
    }
}
