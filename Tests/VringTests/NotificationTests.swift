import XCTest
import Vring

/// Kick suppression (device to driver) and interrupt suppression (driver to device), with the
/// flags fields and with event indices.
final class NotificationTests: XCTestCase {
    func testFlagsKickSuppression() throws {
        let ring = try TestRing(num: 4)
        ring.device.disableNotify()
        XCTAssertEqual(ring.memory.load16(at: ring.layout.usedFlags), VringFlags.usedNoNotify)
        try ring.add(out: 0, in: 1, token: 1)
        XCTAssertFalse(ring.driver.kickPrepare(), "device asked for no kicks")
        XCTAssertFalse(ring.device.enableNotify(), "a buffer is already pending: keep polling")
        XCTAssertEqual(ring.memory.load16(at: ring.layout.usedFlags), 0)
        try ring.serveOne()
        XCTAssertTrue(ring.device.enableNotify(), "ring drained: safe to sleep")
        try ring.add(out: 0, in: 1, token: 2, first: 1)
        XCTAssertTrue(ring.driver.kickPrepare())
    }

    func testEventIndexKicksOnlyWhenCrossingAvailEvent() throws {
        let ring = try TestRing(num: 4, eventIdx: true)
        ring.device.disableNotify()
        XCTAssertEqual(ring.memory.load16(at: ring.layout.usedFlags), 0, "event idx ignores flags")
        try ring.add(out: 0, in: 1, token: 1)
        XCTAssertTrue(ring.driver.kickPrepare(), "avail_event 0 lies in (0, 1]")
        try ring.add(out: 0, in: 1, token: 2, first: 1)
        XCTAssertFalse(ring.driver.kickPrepare(), "device has not re-armed: (1, 2] misses 0")
        try ring.serveOne()
        try ring.serveOne()
        XCTAssertTrue(ring.device.enableNotify())
        XCTAssertEqual(ring.memory.load16(at: ring.layout.availEvent), 2)
        try ring.add(out: 0, in: 1, token: 3, first: 2)
        try ring.add(out: 0, in: 1, token: 4, first: 3)
        XCTAssertTrue(ring.driver.kickPrepare(), "one kick for a batch crossing avail_event")
    }

    func testEventIndexKickAcrossTheWrap() throws {
        let ring = try TestRing(num: 4, eventIdx: true, startIndex: 65534)
        XCTAssertTrue(ring.device.enableNotify())
        for token in 0..<3 { try ring.add(out: 0, in: 1, token: UInt64(token), first: token) }
        XCTAssertTrue(ring.driver.kickPrepare(), "(65534, 1] contains 65534")
        XCTAssertEqual(ring.memory.load16(at: ring.layout.availIdx), 1)
        for _ in 0..<3 { try ring.serveOne() }
        for _ in 0..<3 { XCTAssertNotNil(try ring.driver.getBuffer()) }
        XCTAssertNil(try ring.driver.getBuffer())
    }

    func testFlagsInterruptSuppression() throws {
        let ring = try TestRing(num: 4)
        ring.driver.disableCallbacks()
        XCTAssertEqual(ring.memory.load16(at: ring.layout.availFlags), VringFlags.availNoInterrupt)
        try ring.add(out: 0, in: 1, token: 1)
        ring.driver.kick()
        try ring.serveOne()
        XCTAssertFalse(ring.device.needsNotify())
        XCTAssertFalse(ring.driver.enableCallbacks(), "a used buffer is pending: poll it")
        XCTAssertNotNil(try ring.driver.getBuffer())
        XCTAssertTrue(ring.driver.enableCallbacks())
        try ring.add(out: 0, in: 1, token: 2)
        ring.driver.kick()
        try ring.serveOne()
        XCTAssertTrue(ring.device.needsNotify())
    }

    func testEventIndexInterruptSuppression() throws {
        let ring = try TestRing(num: 4, eventIdx: true)
        for token in 0..<3 { try ring.add(out: 0, in: 1, token: UInt64(token), first: token) }
        ring.driver.kick()
        try ring.serveOne()
        XCTAssertTrue(ring.device.needsNotify(), "used_event 0 lies in (0, 1]")
        ring.driver.disableCallbacks()
        XCTAssertEqual(ring.memory.load16(at: ring.layout.availFlags), 0, "event idx ignores flags")
        try ring.serveOne()
        XCTAssertFalse(ring.device.needsNotify(), "used_event still 0: (1, 2] misses it")
        XCTAssertNotNil(try ring.driver.getBuffer())
        XCTAssertNotNil(try ring.driver.getBuffer())
        XCTAssertEqual(ring.memory.load16(at: ring.layout.usedEvent), 0, "no used_event update while disabled")
        XCTAssertTrue(ring.driver.enableCallbacks())
        XCTAssertEqual(ring.memory.load16(at: ring.layout.usedEvent), 2)
        try ring.serveOne()
        XCTAssertTrue(ring.device.needsNotify())
    }

    func testGetBufferMovesUsedEventWhileCallbacksAreOn() throws {
        let ring = try TestRing(num: 4, eventIdx: true)
        try ring.add(out: 0, in: 1, token: 1)
        try ring.add(out: 0, in: 1, token: 2, first: 1)
        ring.driver.kick()
        try ring.serveOne()
        XCTAssertNotNil(try ring.driver.getBuffer())
        XCTAssertEqual(ring.memory.load16(at: ring.layout.usedEvent), 1)
        XCTAssertFalse(ring.device.needsNotify(), "the driver already took entry 0 and waits for entry 1")
        try ring.serveOne()
        XCTAssertTrue(ring.device.needsNotify(), "used_event 1 lies in (1, 2]")
    }

    func testDelayedCallbacksWaitForThreeQuarters() throws {
        let ring = try TestRing(num: 4, eventIdx: true)
        for token in 0..<4 { try ring.add(out: 0, in: 1, token: UInt64(token), first: token) }
        ring.driver.kick()
        ring.driver.disableCallbacks()
        XCTAssertTrue(ring.driver.enableCallbacksDelayed())
        XCTAssertEqual(ring.memory.load16(at: ring.layout.usedEvent), 3, "3/4 of 4 outstanding")
        var interrupts: [Bool] = []
        for _ in 0..<4 {
            try ring.serveOne()
            interrupts.append(ring.device.needsNotify())
        }
        XCTAssertEqual(interrupts, [false, false, false, true])
    }

    func testDelayedCallbacksReportTooManyAlreadyUsed() throws {
        let ring = try TestRing(num: 4, eventIdx: true)
        for token in 0..<4 { try ring.add(out: 0, in: 1, token: UInt64(token), first: token) }
        ring.driver.kick()
        ring.driver.disableCallbacks()
        for _ in 0..<4 { try ring.serveOne() }
        XCTAssertFalse(ring.driver.enableCallbacksDelayed())
        XCTAssertEqual(ring.driver.usedPending, 4)
    }

    func testDisableNotifyWritesFlagsOnlyWithoutEventIndex() throws {
        let flags = try TestRing(num: 2)
        flags.device.disableNotify()
        XCTAssertEqual(flags.memory.load16(at: flags.layout.usedFlags), VringFlags.usedNoNotify)
        XCTAssertTrue(flags.device.enableNotify())
        XCTAssertEqual(flags.memory.load16(at: flags.layout.usedFlags), 0)
    }
}
