import XCTest
import Vring

/// Every BarrierSite is executed by some operation of its own side, with the kind the site
/// requires, and no operation executes a site of the other side.
final class BarrierCoverageTests: XCTestCase {
    /// Runs every driver and device operation in both notification modes.
    private func exerciseEverything(eventIdx: Bool) throws -> TestRing {
        let ring = try TestRing(num: 4, eventIdx: eventIdx, indirect: true)
        try ring.add(out: 1, in: 2, token: 1)
        try ring.add(out: 0, in: 1, token: 2)
        ring.driver.kick()
        try ring.serveOne(length: 8)
        _ = ring.device.needsNotify()
        _ = try ring.driver.getBuffer()
        ring.driver.disableCallbacks()
        _ = ring.driver.enableCallbacks()
        _ = ring.driver.enableCallbacksDelayed()
        ring.device.disableNotify()
        _ = ring.device.enableNotify()
        _ = ring.driver.detachUnusedBuffer()
        return ring
    }

    func testEverySiteIsExercisedBySideAndKind() throws {
        for eventIdx in [false, true] {
            let ring = try exerciseEverything(eventIdx: eventIdx)
            let driverEvents = ring.driverFences.events
            let deviceEvents = ring.deviceFences.events
            let driverSites = Set(BarrierSite.allCases.filter { $0.side == .driver })
            let deviceSites = Set(BarrierSite.allCases.filter { $0.side == .device })
            XCTAssertEqual(Set(driverEvents.map(\.site)), driverSites, "event idx \(eventIdx)")
            XCTAssertEqual(Set(deviceEvents.map(\.site)), deviceSites, "event idx \(eventIdx)")
            for event in driverEvents + deviceEvents {
                XCTAssertEqual(event.primitive.kind, event.site.requiredKind, "\(event)")
            }
        }
    }

    func testSitesAreListedOnceWithBothSides() {
        let names = BarrierSite.allCases.map(\.rawValue)
        XCTAssertEqual(Set(names).count, names.count)
        XCTAssertEqual(BarrierSite.allCases.filter { $0.side == .driver }.count, 6)
        XCTAssertEqual(BarrierSite.allCases.filter { $0.side == .device }.count, 4)
    }
}
