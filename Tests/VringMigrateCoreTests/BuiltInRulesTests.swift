import XCTest
@testable import VringMigrateCore

/// The built-in table against the transports of CONTEXT.md, one real file path per transport.
final class BuiltInRulesTests: XCTestCase {
    static let expectations: [(path: String, transport: String, weak: Bool)] = [
        ("drivers/virtio/virtio_pci.c", "virtio_pci", true),
        ("drivers/virtio/virtio_pci_modern.c", "virtio_pci", true),
        ("drivers/virtio/virtio_pci_legacy.c", "virtio_pci", true),
        ("drivers/virtio/virtio_mmio.c", "virtio_mmio", true),
        ("drivers/lguest/lguest_device.c", "lguest", true),
        ("drivers/s390/kvm/kvm_virtio.c", "s390 kvm_virtio", true),
        ("drivers/s390/kvm/virtio_ccw.c", "virtio_ccw", true),
        ("drivers/s390/virtio/virtio_ccw.c", "virtio_ccw", true),
        ("drivers/virtio/virtio_vdpa.c", "virtio_vdpa", true),
        ("arch/um/drivers/virtio_uml.c", "um virtio_uml", true),
        ("tools/virtio/virtio_test.c", "tools/virtio tests", true),
        ("tools/virtio/vringh_test.c", "tools/virtio tests", true),
        ("drivers/remoteproc/remoteproc_virtio.c", "remoteproc", false),
        ("drivers/rpmsg/virtio_rpmsg_bus.c", "rpmsg", false),
        ("drivers/misc/mic/card/mic_virtio.c", "MIC card and VOP", false),
        ("drivers/misc/mic/vop/vop_main.c", "MIC card and VOP", false),
        ("drivers/platform/mellanox/mlxbf-tmfifo.c", "mlxbf-tmfifo", false),
    ]

    func testBuiltInTableParsesThroughTheUserPath() throws {
        let reparsed = try RulesTable(json: Array(RulesTable.builtInJSON.utf8), source: .file("copy.json"))
        XCTAssertEqual(reparsed.rules, RulesTable.builtIn.rules)
        XCTAssertEqual(RulesTable.builtIn.rules.count, 12)
    }

    func testEveryKnownTransportResolvesToExactlyOneRule() {
        for expected in Self.expectations {
            let facts = CallSiteFacts(path: expected.path, notify: "some_notify", function: "some_function")
            guard case .value(let weak, let rule, let others) = RulesTable.builtIn.resolve(facts) else {
                XCTFail("\(expected.path): \(RulesTable.builtIn.resolve(facts))")
                continue
            }
            XCTAssertEqual(weak, expected.weak, expected.path)
            XCTAssertEqual(rule.transport, expected.transport, expected.path)
            XCTAssertEqual(others, [], expected.path)
        }
    }

    func testEveryRuleIsCoveredAndExplained() {
        let covered = Set(Self.expectations.map(\.transport))
        for rule in RulesTable.builtIn.rules {
            XCTAssertTrue(covered.contains(rule.transport), "no expectation for \(rule.transport)")
            XCTAssertEqual(rule.weakBarriers, rule.peer == .smpCPU, rule.transport)
            XCTAssertGreaterThan(rule.why.count, 40, "\(rule.transport) needs a reason a reviewer can check")
        }
    }

    func testTheRingItselfAndOtherFilesHaveNoRule() {
        for path in ["drivers/virtio/virtio_ring.c", "include/linux/virtio_ring.h", "drivers/net/virtio_net.c", "tools/virtiox/a.c"] {
            XCTAssertEqual(RulesTable.builtIn.resolve(CallSiteFacts(path: path)), .noRule, path)
        }
    }

    func testRenderedBuiltInTable() {
        GoldenFile.assertMatches(RulesTable.builtIn.render(), named: "rules-builtin.txt")
    }
}
