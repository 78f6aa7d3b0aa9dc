import Foundation
import VringMigrateClang
import VringMigrateCore
import XCTest

/// The benchmark corpus: Debian's linux-source-6.1, unpacked by `make bench` (never committed).
/// Linux 6.1 is already migrated, so every site must be confirmed by the parse and nothing changes.
final class LinuxTreeTests: XCTestCase {
    static let root = "/var/cache/vringmigrate/linux-source-6.1"

    /// One scan serves every test: a debug build reads the 1.1 GB tree in about 20 s.
    static let shared: TreeAnalysis? = FileManager.default.fileExists(atPath: root + "/drivers/virtio/virtio_ring.c")
        ? Analyzer(settings: ParseSettings(), jobs: 2).analyze(root: root).analysis : nil

    func analysis() throws -> TreeAnalysis {
        guard let analysis = Self.shared else { throw XCTSkip("no Linux 6.1 tree at \(Self.root) (make bench unpacks it)") }
        return analysis
    }

    func testEverySiteOfLinux61IsConfirmedByTheParse() throws {
        let sites = try analysis().sites
        func count(_ kind: SiteKind, _ names: Set<String>) -> [Site] { sites.filter { $0.kind == kind && names.contains($0.name) } }
        let constructor: Set<String> = ["vring_new_virtqueue"]
        let helpers: Set<String> = ["virtio_mb", "virtio_rmb", "virtio_wmb"]
        XCTAssertEqual(count(.call, constructor).count, 6)
        XCTAssertEqual(count(.definition, constructor).count, 1)
        XCTAssertEqual(count(.declaration, constructor).count, 2)
        let definitions = count(.barrierDefinition, helpers)
        XCTAssertEqual(definitions.count, 3)
        XCTAssertTrue(definitions.allSatisfy { $0.arms?.map(\.arm) == ["weak", "strong"] })
        XCTAssertEqual(count(.barrierUse, helpers).count, 21)
        XCTAssertEqual(count(.barrierUse, ["virtio_store_mb"]).count, 3)
        let checked = sites.filter { $0.kind != .reference }
        XCTAssertEqual(checked.filter { $0.foundBy != .ast }.map { "\($0.path):\($0.line)" }, [])
    }

    /// The shared kernel header is a speed-up only: on the real tree too, every site comes out
    /// the same when each source parses its own headers.
    func testLinux61ScansTheSameWithoutTheSharedHeader() throws {
        let shared = try analysis().sites
        let plain = Analyzer(settings: ParseSettings(sharesKernelHeaders: false), jobs: 2).analyze(root: Self.root)
        XCTAssertEqual(plain.statistics.filesParsedWithSharedHeader, 0)
        XCTAssertEqual(plain.analysis.sites, shared)
    }

    func testLinux61NeedsNoMigration() throws {
        let plan = Migrator(analysis: try analysis(), rules: RulesTable.builtIn).plan()
        XCTAssertTrue(plan.isEmpty)
        XCTAssertEqual(plan.findings.map(\.message), [])
    }
}
