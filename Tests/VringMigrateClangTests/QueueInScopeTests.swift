import Foundation
import VringMigrateClang
import VringMigrateCore
import XCTest

/// A barrier use passes the `struct vring_virtqueue *` the parse sees in its function, whatever
/// it is called; with none in scope the use is reported and left alone.
final class QueueInScopeTests: XCTestCase {
    func makeTree(_ source: String) throws -> String {
        let tree = NSTemporaryDirectory() + "vm-queue-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: tree + "/drivers/virtio", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Repository.fixtureTree("pre-3.3") + "/include", toPath: tree + "/include")
        try Data(source.utf8).write(to: URL(fileURLWithPath: tree + "/drivers/virtio/ring.c"))
        addTeardownBlock { try? FileManager.default.removeItem(atPath: tree) }
        return tree
    }

    static let source = """
        #include <linux/types.h>
        #include <linux/virtio.h>
        #include <linux/virtio_ring.h>
        #include <asm/barrier.h>
        #define virtio_wmb() smp_wmb()
        struct vring_virtqueue { struct virtqueue vq; struct vring vring; };
        struct vring_virtqueue *global_ring;
        void publish(struct vring_virtqueue *ring)
        {
        \tvirtio_wmb();
        }
        void orphan(struct virtqueue *q)
        {
        \tvirtio_wmb();
        }

        """

    func testTheParsedQueueVariableIsPassedAndAMissingOneIsReported() throws {
        let tree = try makeTree(Self.source)
        let analysis = Analyzer(settings: ParseSettings(), jobs: 1).analyze(root: tree).analysis
        let uses = analysis.sites.filter { $0.kind == .barrierUse }
        XCTAssertEqual(uses.map(\.queue), ["ring", nil])
        let plan = Migrator(analysis: analysis, rules: RulesTable.builtIn).plan()
        let file = try XCTUnwrap(analysis.files["drivers/virtio/ring.c"])
        let migrated = String(decoding: plan.edits.apply(to: file.bytes, path: file.relativePath), as: UTF8.self)
        XCTAssertTrue(migrated.contains("{\n\tvirtio_wmb(ring);\n}\nvoid orphan"), migrated)
        XCTAssertTrue(migrated.contains("struct virtqueue *q)\n{\n\tvirtio_wmb();"), migrated)
        XCTAssertEqual(plan.findings.map(\.start.line), [14])
        XCTAssertTrue(plan.findings[0].message.contains("no struct vring_virtqueue in scope"))
    }
}
