import XCTest
@testable import VringMigrateCore

/// The prefilter must never miss a needle, wherever it falls relative to its 16-byte blocks.
final class PrefilterTests: XCTestCase {
    let prefilter = Prefilter(names: ["vring_new_virtqueue", "virtio_mb", "virtio_rmb", "virtio_wmb", "virtio_store_mb"])

    func testEveryNeedleIsFoundAtEveryOffsetAroundBlockBoundaries() {
        for needle in ["vring_new_virtqueue", "virtio_mb", "virtio_rmb", "virtio_wmb", "virtio_store_mb"] {
            for prefix in 0..<40 {
                for suffix in [0, 1, 7, 20] {
                    let text = String(repeating: "v", count: prefix) + needle + String(repeating: "x", count: suffix)
                    XCTAssertTrue(prefilter.mayContain(Array(text.utf8)), "\(needle) after \(prefix) bytes")
                }
            }
        }
    }

    func testNearMissesAreRejected() {
        let text = String(repeating: "virtio_ring vring_new virtio_m vi vr ", count: 50) + "virtio_m"
        XCTAssertFalse(prefilter.mayContain(Array(text.utf8)))
        XCTAssertFalse(prefilter.mayContain([]))
    }
}
