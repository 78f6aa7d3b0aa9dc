import XCTest
import Vring

/// The recording backend shows which (primitive, site) each operation executes, for a weak
/// queue (SMP primitives) and a strong one (mandatory primitives).
final class BarrierSequenceTests: XCTestCase {
    private func expected(_ weak: Bool, _ steps: [(FenceKind, BarrierSite)]) -> [FenceEvent] {
        steps.map { FenceEvent(weak ? .smp($0.0) : .mandatory($0.0), at: $0.1) }
    }

    func testDriverOperations() throws {
        for weak in [true, false] {
            let ring = try TestRing(num: 4, weakBarriers: weak)
            let log = ring.driverFences
            try ring.add(out: 1, in: 1, token: 1)
            XCTAssertEqual(log.drain(), [], "add publishes nothing, so it needs no barrier")
            _ = ring.driver.kickPrepare()
            XCTAssertEqual(log.drain(), expected(weak, [(.wmb, .kickPublish), (.mb, .kickBeforeEventCheck)]))
            try ring.serveOne()
            _ = try ring.driver.getBuffer()
            XCTAssertEqual(log.drain(), expected(weak, [(.rmb, .getBufAfterUsedIdx), (.mb, .getBufAfterEventWrite)]))
            XCTAssertNil(try ring.driver.getBuffer())
            XCTAssertEqual(log.drain(), [], "an empty used ring costs no barrier")
            ring.driver.disableCallbacks()
            try ring.add(out: 0, in: 1, token: 2)
            ring.driver.kick()
            _ = log.drain()
            try ring.serveOne()
            _ = try ring.driver.getBuffer()
            XCTAssertEqual(log.drain(), expected(weak, [(.rmb, .getBufAfterUsedIdx)]), "callbacks off: no used_event write")
            _ = ring.driver.enableCallbacks()
            XCTAssertEqual(log.drain(), expected(weak, [(.mb, .enableCbAfterEventWrite)]))
            _ = ring.driver.enableCallbacksDelayed()
            XCTAssertEqual(log.drain(), expected(weak, [(.mb, .enableCbDelayedAfterEventWrite)]))
            _ = ring.driver.detachUnusedBuffer()
            ring.driver.disableCallbacks()
            XCTAssertEqual(log.drain(), [])
        }
    }

    func testDeviceOperations() throws {
        for weak in [true, false] {
            let ring = try TestRing(num: 4, weakBarriers: weak)
            let log = ring.deviceFences
            XCTAssertNil(try ring.device.popAvailable())
            XCTAssertEqual(log.drain(), [], "nothing published: no barrier")
            for token in 0..<2 { try ring.add(out: 0, in: 1, token: UInt64(token), first: token) }
            ring.driver.kick()
            let first = try XCTUnwrap(ring.device.popAvailable())
            let second = try XCTUnwrap(ring.device.popAvailable())
            XCTAssertEqual(log.drain(), expected(weak, [(.rmb, .devicePopAfterAvailIdx)]), "one rmb per batch")
            ring.device.addUsed(head: first.head, length: 0)
            ring.device.addUsed(head: second.head, length: 0)
            XCTAssertEqual(log.drain(), [])
            ring.device.publishUsed()
            XCTAssertEqual(log.drain(), expected(weak, [(.wmb, .devicePushPublish)]))
            _ = ring.device.needsNotify()
            XCTAssertEqual(log.drain(), expected(weak, [(.mb, .deviceNotifyBeforeEventCheck)]))
            ring.device.disableNotify()
            XCTAssertEqual(log.drain(), [])
            _ = ring.device.enableNotify()
            XCTAssertEqual(log.drain(), expected(weak, [(.mb, .deviceEnableNotifyAfterEventWrite)]))
        }
    }

    func testQueuePicksTheArmByItsOwnFlag() {
        let strong = QueueBarriers(weakBarriers: false, backend: RecordingFences())
        let weak = QueueBarriers(weakBarriers: true, backend: RecordingFences())
        for kind in FenceKind.allCases {
            XCTAssertEqual(strong.primitive(for: kind).scope, .mandatory)
            XCTAssertEqual(weak.primitive(for: kind).scope, .smp)
            XCTAssertEqual(strong.primitive(for: kind).kind, kind)
            XCTAssertEqual(weak.primitive(for: kind).kind, kind)
        }
    }
}
