import Foundation
import VringMigrateClang
import VringMigrateCore
import XCTest

/// Every fixture tree's scan must equal its golden file, site for site.
final class ScanGoldenTests: XCTestCase {
    static let trees = ["pre-3.3", "post-3.3", "post-3.3-buggy", "modern", "edge-cases", "kick-prepare-wmb", "kick-prepare-mb"]

    func scan(_ tree: String, jobs: Int = 2) -> (TreeAnalysis, ScanStatistics, [RunDiagnostic]) {
        Analyzer(settings: ParseSettings(), jobs: jobs).analyze(root: Repository.fixtureTree(tree))
    }

    func testEveryTreeMatchesItsGoldenScan() throws {
        for tree in Self.trees {
            let (analysis, statistics, diagnostics) = scan(tree)
            XCTAssertEqual(diagnostics.filter { $0.level == .error }, [], tree)
            XCTAssertEqual(statistics.filesFailedToParse, 0, tree)
            let summary = SiteReporter.Summary(
                sites: analysis.sites.count, confirmed: statistics.confirmed(analysis.sites),
                filesRead: statistics.filesRead, filesParsed: statistics.filesParsed, filesFailed: 0, mode: statistics.mode.rawValue,
                filesParsedWithSharedHeader: statistics.filesParsedWithSharedHeader)
            Golden.assertMatches(SiteReporter.jsonLines(analysis.sites, summary: summary), golden: Repository.golden(tree, "scan.jsonl"))
        }
    }

    func testResultsDoNotDependOnTheNumberOfWorkers() {
        let one = scan("edge-cases", jobs: 1).0.sites
        let four = scan("edge-cases", jobs: 4).0.sites
        XCTAssertEqual(one, four)
    }

    /// The progress line's counts only grow, end at the totals, and count parses (they once
    /// stayed at 0).
    func testProgressCountsGrowToTheTotals() {
        final class Seen: @unchecked Sendable {
            let lock = NSLock()
            var all: [ScanProgress] = []
        }
        let seen = Seen()
        let result = Analyzer(settings: ParseSettings(), jobs: 2).analyze(root: Repository.fixtureTree("pre-3.3")) { progress in
            seen.lock.withLock { seen.all.append(progress) }
        }
        let reads = seen.all.map(\.filesRead)
        let parses = seen.all.map(\.filesParsed)
        XCTAssertEqual(reads, reads.sorted())
        XCTAssertEqual(parses, parses.sorted())
        XCTAssertEqual(reads.last, result.statistics.filesRead)
        XCTAssertEqual(seen.all.last?.filesTotal, result.statistics.filesRead)
        XCTAssertEqual(parses.last, result.statistics.filesParsed)
    }

    func testLinkedLibClangIsVersion14() throws {
        XCTAssertTrue(ClangLibrary.version.contains("version 14."), ClangLibrary.version)
        XCTAssertNoThrow(try ClangLibrary.requireVersion14())
    }
}
