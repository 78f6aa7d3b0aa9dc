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

    /// The four-byte fast path and the general loop must agree: a needle set with three distinct
    /// prefixes, or a short needle, takes the general loop.
    func testGeneralLoopFindsWhatTheFastPathFinds() {
        let general = Prefilter(names: ["vring_new_virtqueue", "virtio_mb", "vq"])
        let short = Prefilter(names: ["ab", "abcdef"])
        for prefix in 0..<34 {
            let pad = String(repeating: "v", count: prefix)
            XCTAssertTrue(general.mayContain(Array((pad + "vring_new_virtqueue").utf8)))
            XCTAssertTrue(general.mayContain(Array((pad + "vq").utf8)))
            XCTAssertFalse(general.mayContain(Array((pad + "vring_ne vx").utf8)))
            XCTAssertTrue(short.mayContain(Array((pad + "ab").utf8)))
            XCTAssertFalse(short.mayContain(Array((pad + "a b").utf8)))
        }
    }

    func testFalseHitsOfTheFourBytePrefixAreRejected() {
        let text = String(repeating: "virt_to_phys(device) vring_ne virtio_rm ", count: 40)
        XCTAssertFalse(prefilter.mayContain(Array(text.utf8)))
        XCTAssertTrue(prefilter.mayContain(Array((text + "virtio_rmb").utf8)))
    }
}
