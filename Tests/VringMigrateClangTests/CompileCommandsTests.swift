import Foundation
import VringMigrateClang
import VringMigrateCore
import XCTest

/// With a compilation database each file is parsed with its own flags; GCC-only flags that clang
/// rejects are dropped rather than failing the parse.
final class CompileCommandsTests: XCTestCase {
    func testKernelStyleCommandsConfirmTheSameSites() throws {
        let tree = Repository.fixtureTree("pre-3.3")
        let database = NSTemporaryDirectory() + "compile_commands-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: database) }
        let sources = ["drivers/virtio/virtio_ring.c", "drivers/virtio/virtio_pci.c", "drivers/virtio/virtio_mmio.c",
                       "drivers/lguest/lguest_device.c", "drivers/s390/kvm/kvm_virtio.c", "drivers/remoteproc/remoteproc_virtio.c"]
        let entries = sources.map { file in
            ["directory": tree, "file": file,
             "command": "gcc -nostdinc -Iinclude -DCONFIG_SMP -fconserve-stack -mrecord-mcount -fno-allow-store-data-races -c -o x.o \(file)"]
        }
        try JSONSerialization.data(withJSONObject: entries).write(to: URL(fileURLWithPath: database))
        let settings = try ParseSettings(compileCommands: database)
        let (analysis, statistics, diagnostics) = Analyzer(settings: settings, jobs: 2).analyze(root: tree)
        XCTAssertEqual(statistics.mode, .compileCommands)
        XCTAssertEqual(diagnostics.filter { $0.level == .error }, [])
        let calls = analysis.sites.filter { $0.kind == .call && !$0.path.hasPrefix("tools/") }
        XCTAssertEqual(calls.count, 5)
        XCTAssertTrue(calls.allSatisfy { $0.foundBy == .ast }, calls.map { "\($0.path) \($0.foundBy)" }.joined(separator: "\n"))
        let reference = Analyzer(settings: ParseSettings(), jobs: 2).analyze(root: tree).analysis.sites
        XCTAssertEqual(analysis.sites.map(\.range), reference.map(\.range))
    }

    func testAMalformedDatabaseIsReportedWithItsPath() {
        let path = NSTemporaryDirectory() + "bad-cc-\(UUID().uuidString).json"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("{not json".utf8)))
        defer { try? FileManager.default.removeItem(atPath: path) }
        XCTAssertThrowsError(try ParseSettings(compileCommands: path)) { error in
            XCTAssertTrue("\(error)".contains(path))
        }
    }
}
