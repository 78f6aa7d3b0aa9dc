import XCTest
import Vring

final class NeedEventTests: XCTestCase {
    /// Reference definition: notify when the event index is one of the indices the update
    /// passed, i.e. old <= event < new in the 16-bit circle.
    private func passed(event: UInt16, new: UInt16, old: UInt16) -> Bool {
        var index = old
        while index != new {
            if index == event { return true }
            index &+= 1
        }
        return false
    }

    func testTruthTable() {
        // (event, new, old, expected)
        let table: [(UInt16, UInt16, UInt16, Bool)] = [
            (0, 1, 0, true),        // asked for index 0, which we just passed
            (1, 1, 0, false),       // asked for index 1: not yet used
            (5, 10, 0, true),
            (10, 10, 0, false),
            (9, 10, 0, true),
            (0, 0, 0, false),       // nothing moved
            (3, 3, 3, false),
            (2, 10, 3, false),      // event behind the window
            (65535, 0, 65535, true),   // wrap: passed 65535
            (65535, 2, 65534, true),
            (0, 2, 65534, true),
            (1, 2, 65534, true),
            (2, 2, 65534, false),
            (65533, 2, 65534, false),  // just before the window
            (100, 5, 65530, false),
            (32768, 32769, 0, true),
        ]
        for (event, new, old, expected) in table {
            XCTAssertEqual(vringNeedEvent(eventIdx: event, newIdx: new, oldIdx: old), expected,
                           "event \(event) new \(new) old \(old)")
        }
    }

    func testAgreesWithReferenceAroundTheWrap() {
        let olds: [UInt16] = [0, 1, 100, 32767, 65500, 65534, 65535]
        for old in olds {
            for step: UInt16 in [0, 1, 2, 7, 40] {
                let new = old &+ step
                for delta in -3...45 {
                    let event = old &+ UInt16(truncatingIfNeeded: delta)
                    XCTAssertEqual(vringNeedEvent(eventIdx: event, newIdx: new, oldIdx: old),
                                   passed(event: event, new: new, old: old))
                }
            }
        }
    }
}
