import XCTest
import Vring

/// Offsets and sizes recomputed here from the spec's field sizes, not from the implementation.
final class LayoutTests: XCTestCase {
    /// Field sizes of the spec: descriptor 8+4+2+2, ring headers 2+2, avail entries 2, used
    /// elements 4+4, event fields 2.
    private func expectedOffsets(num: Int, align: Int) -> (avail: Int, used: Int, size: Int) {
        let descTable = num * (8 + 4 + 2 + 2)
        let availBytes = 2 + 2 + num * 2 + 2
        let unaligned = descTable + availBytes
        let used = unaligned % align == 0 ? unaligned : unaligned + (align - unaligned % align)
        let usedBytes = 2 + 2 + num * (4 + 4) + 2
        return (descTable, used, used + usedBytes)
    }

    func testSizesMatchSpecForSeveralNumAndAlign() throws {
        let cases = [(1, 4), (1, 4096), (2, 4), (4, 16), (8, 64), (256, 4096), (1024, 4096),
                     (32768, 4096), (4, 4096), (16, 128)]
        for (num, align) in cases {
            let expected = expectedOffsets(num: num, align: align)
            XCTAssertEqual(vringSize(num: num, align: align), expected.size, "num \(num) align \(align)")
            let layout = try VringLayout(num: num, align: align)
            XCTAssertEqual(layout.availOffset, expected.avail)
            XCTAssertEqual(layout.usedOffset, expected.used)
            XCTAssertEqual(layout.size, expected.size)
        }
    }

    func testKnownSizesFromTheLegacyFormula() {
        // 256 entries, 4096 alignment: 4096 + 518 -> 8192, + 6 + 2048 = 10246.
        XCTAssertEqual(vringSize(num: 256, align: 4096), 10246)
        // 1 entry, align 4: 16 + 8 = 24 (already aligned), + 6 + 8 = 38.
        XCTAssertEqual(vringSize(num: 1, align: 4), 38)
    }

    func testFieldOffsets() throws {
        let layout = try VringLayout(num: 4, align: 4096, base: 0x2000)
        XCTAssertEqual(layout.descAddr(2), 0x2000 + 32)
        XCTAssertEqual(layout.descLen(2), 0x2000 + 40)
        XCTAssertEqual(layout.descFlags(2), 0x2000 + 44)
        XCTAssertEqual(layout.descNext(2), 0x2000 + 46)
        XCTAssertEqual(layout.availFlags, 0x2000 + 64)
        XCTAssertEqual(layout.availIdx, 0x2000 + 66)
        XCTAssertEqual(layout.availRing(3), 0x2000 + 68 + 6)
        XCTAssertEqual(layout.usedEvent, 0x2000 + 68 + 8)
        XCTAssertEqual(layout.usedFlags, 0x2000 + 4096)
        XCTAssertEqual(layout.usedIdx, 0x2000 + 4098)
        XCTAssertEqual(layout.usedRingID(1), 0x2000 + 4100 + 8)
        XCTAssertEqual(layout.usedRingLen(1), 0x2000 + 4100 + 12)
        XCTAssertEqual(layout.availEvent, 0x2000 + 4100 + 32)
        XCTAssertEqual(layout.end, 0x2000 + 4100 + 34)
    }

    func testDescribeNamesEveryKindOfOffset() throws {
        let layout = try VringLayout(num: 4, align: 4096)
        XCTAssertEqual(layout.describe(0), "desc[0].addr")
        XCTAssertEqual(layout.describe(2 * 16), "desc[2].addr")
        XCTAssertEqual(layout.describe(2 * 16 + 4), "desc[2].addr+4")
        XCTAssertEqual(layout.describe(3 * 16 + 14), "desc[3].next")
        XCTAssertEqual(layout.describe(layout.availIdx), "avail.idx")
        XCTAssertEqual(layout.describe(layout.availFlags), "avail.flags")
        XCTAssertEqual(layout.describe(layout.availRing(1)), "avail.ring[1]")
        XCTAssertEqual(layout.describe(layout.usedEvent), "avail.used_event")
        XCTAssertEqual(layout.describe(layout.usedEvent + 2), "padding+0")
        XCTAssertEqual(layout.describe(layout.usedIdx), "used.idx")
        XCTAssertEqual(layout.describe(layout.usedRingID(0)), "used.ring[0].id")
        XCTAssertEqual(layout.describe(layout.usedRingLen(0)), "used.ring[0].len")
        XCTAssertEqual(layout.describe(layout.availEvent), "used.avail_event")
        XCTAssertNil(layout.describe(layout.end))
    }

    func testPlanDescribesPoolAndData() throws {
        let plan = try GuestMemoryPlan(num: 2, align: 16, indirectEntries: 3, dataBytes: 256)
        let pool = try XCTUnwrap(plan.indirect)
        XCTAssertGreaterThanOrEqual(pool.base, plan.layout.end)
        XCTAssertEqual(plan.describe(pool.table(forHead: 1) + 16 + 8), "indirect[1][1].len")
        XCTAssertEqual(plan.describe(plan.dataBase + 0x40), "data+0x40")
        XCTAssertEqual(plan.describe(plan.layout.availIdx), "avail.idx")
        XCTAssertEqual(plan.totalBytes, plan.dataBase + 256)
    }

    func testRejectsSizesTheRingCannotUse() {
        XCTAssertThrowsError(try VringLayout(num: 3)) { XCTAssertEqual($0 as? VringLayoutError, .badQueueSize(3)) }
        XCTAssertThrowsError(try VringLayout(num: 0))
        XCTAssertThrowsError(try VringLayout(num: 65536))
        XCTAssertThrowsError(try VringLayout(num: 4, align: 2))
        XCTAssertThrowsError(try VringLayout(num: 4, align: 48))
        XCTAssertThrowsError(try VringLayout(num: 4, base: 8))
    }
}
