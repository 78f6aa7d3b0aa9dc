import XCTest
import Vring

final class DriverTests: XCTestCase {
    func testAddWritesAChainOfDirectDescriptors() throws {
        let ring = try TestRing(num: 4)
        try ring.add(out: 1, in: 2, token: 7)
        let m = ring.memory, l = ring.layout
        let base = UInt64(ring.plan.dataBase)
        XCTAssertEqual(m.load64(at: l.descAddr(0)), base)
        XCTAssertEqual(m.load32(at: l.descLen(0)), 16)
        XCTAssertEqual(m.load16(at: l.descFlags(0)), VringFlags.descNext)
        XCTAssertEqual(m.load16(at: l.descNext(0)), 1)
        XCTAssertEqual(m.load64(at: l.descAddr(1)), base + 16)
        XCTAssertEqual(m.load16(at: l.descFlags(1)), VringFlags.descNext | VringFlags.descWrite)
        XCTAssertEqual(m.load16(at: l.descNext(1)), 2)
        XCTAssertEqual(m.load64(at: l.descAddr(2)), base + 32)
        XCTAssertEqual(m.load16(at: l.descFlags(2)), VringFlags.descWrite)
        XCTAssertEqual(m.load16(at: l.availRing(0)), 0)
        XCTAssertEqual(ring.driver.freeDescriptors, 1)
        XCTAssertEqual(m.load16(at: l.availIdx), 0, "add alone must not publish")
        XCTAssertEqual(ring.driver.unpublishedBuffers, 1)
    }

    func testKickPublishesAndGetBufferReturnsTokenAndLength() throws {
        let ring = try TestRing(num: 4)
        try ring.add(out: 1, in: 1, token: 42)
        XCTAssertTrue(ring.driver.kick())
        XCTAssertEqual(ring.kicksDelivered, 1)
        XCTAssertEqual(ring.memory.load16(at: ring.layout.availIdx), 1)
        XCTAssertNil(try ring.driver.getBuffer(), "nothing used yet")
        XCTAssertNotNil(try ring.serveOne(length: 12))
        XCTAssertEqual(try ring.driver.getBuffer(), UsedBuffer(token: 42, length: 12))
        XCTAssertNil(try ring.driver.getBuffer())
        XCTAssertEqual(ring.driver.freeDescriptors, 4)
        XCTAssertEqual(ring.driver.buffersInFlight, 0)
    }

    func testFullQueueIsATypedErrorAndRecovers() throws {
        let ring = try TestRing(num: 4)
        try ring.add(out: 1, in: 2, token: 1)
        XCTAssertThrowsError(try ring.add(out: 1, in: 1, token: 2)) {
            XCTAssertEqual($0 as? VringDriverError, .queueFull(needed: 2, free: 1))
        }
        try ring.add(out: 0, in: 1, token: 3)
        XCTAssertThrowsError(try ring.add(out: 0, in: 1, token: 4)) {
            XCTAssertEqual($0 as? VringDriverError, .queueFull(needed: 1, free: 0))
        }
        ring.driver.kick()
        try ring.serveOne()
        XCTAssertEqual(try ring.driver.getBuffer()?.token, 1)
        try ring.add(out: 1, in: 1, token: 5)
        XCTAssertFalse(ring.driver.isBroken)
    }

    func testChainLongerThanTheRingAndEmptyBuffersAreRejected() throws {
        let ring = try TestRing(num: 2)
        XCTAssertThrowsError(try ring.add(out: 2, in: 1, token: 1)) {
            XCTAssertEqual($0 as? VringDriverError, .chainTooLong(segments: 3, limit: 2))
        }
        XCTAssertThrowsError(try ring.driver.add(out: [], in: [], token: 1)) {
            XCTAssertEqual($0 as? VringDriverError, .noSegments)
        }
    }

    func testFreedDescriptorsAreReusedAcrossManyWraps() throws {
        let ring = try TestRing(num: 2)
        for token in 0..<UInt64(70_000) {
            try ring.add(out: 1, in: 1, token: token)
            ring.driver.kick()
            XCTAssertNotNil(try ring.serveOne(length: UInt32(token % 16)))
            let used = try XCTUnwrap(ring.driver.getBuffer())
            XCTAssertEqual(used.token, token)
            XCTAssertEqual(used.length, UInt32(token % 16))
        }
        XCTAssertEqual(ring.memory.load16(at: ring.layout.availIdx), UInt16(70_000 % 65536))
        XCTAssertEqual(ring.memory.load16(at: ring.layout.usedIdx), UInt16(70_000 % 65536))
    }

    func testDetachUnusedBuffersReturnsEveryTokenOnce() throws {
        let ring = try TestRing(num: 4)
        try ring.add(out: 1, in: 1, token: 10)
        try ring.add(out: 0, in: 1, token: 11)
        ring.driver.kick()
        try ring.add(out: 0, in: 1, token: 12)
        var detached: [UInt64] = []
        while let token = ring.driver.detachUnusedBuffer() { detached.append(token) }
        XCTAssertEqual(detached.sorted(), [10, 11, 12])
        XCTAssertEqual(ring.driver.freeDescriptors, 4)
        XCTAssertEqual(ring.driver.buffersInFlight, 0)
        XCTAssertEqual(ring.memory.load16(at: ring.layout.availIdx), 0)
        // The queue is usable again: the chain built now reaches every descriptor.
        try ring.add(out: 2, in: 2, token: 13)
        XCTAssertEqual(ring.driver.freeDescriptors, 0)
    }

    func testDeviceReturningAnIdOutOfRangeBreaksTheQueue() throws {
        let ring = try TestRing(num: 4)
        try ring.add(out: 0, in: 1, token: 1)
        ring.driver.kick()
        _ = try ring.device.popAvailable()
        ring.device.pushUsed(head: 9, length: 0)
        XCTAssertThrowsError(try ring.driver.getBuffer()) {
            XCTAssertEqual($0 as? VringDriverError, .usedIDOutOfRange(id: 9, num: 4))
        }
        XCTAssertTrue(ring.driver.isBroken)
        XCTAssertThrowsError(try ring.add(out: 0, in: 1, token: 2)) {
            XCTAssertEqual($0 as? VringDriverError, .broken)
        }
        XCTAssertFalse(ring.driver.kickPrepare())
    }

    func testDeviceReturningANonHeadIdIsTheIdIsNotAHeadError() throws {
        let ring = try TestRing(num: 4)
        try ring.add(out: 1, in: 1, token: 1)  // descriptors 0 -> 1; 1 is not a head
        ring.driver.kick()
        _ = try ring.device.popAvailable()
        ring.device.pushUsed(head: 1, length: 0)
        XCTAssertThrowsError(try ring.driver.getBuffer()) {
            XCTAssertEqual($0 as? VringDriverError, .usedIDNotAHead(id: 1))
        }
        XCTAssertTrue(ring.driver.isBroken)
    }

    func testDeviceReturningTheSameHeadTwiceIsRejected() throws {
        let ring = try TestRing(num: 4)
        try ring.add(out: 0, in: 1, token: 1)
        try ring.add(out: 0, in: 1, token: 2)
        ring.driver.kick()
        let chain = try XCTUnwrap(ring.device.popAvailable())
        ring.device.pushUsed(head: chain.head, length: 0)
        ring.device.pushUsed(head: chain.head, length: 0)
        XCTAssertEqual(try ring.driver.getBuffer()?.token, 1)
        XCTAssertThrowsError(try ring.driver.getBuffer()) {
            XCTAssertEqual($0 as? VringDriverError, .usedIDNotAHead(id: UInt32(chain.head)))
        }
    }

    func testUsedIndexBeyondTheBuffersInFlightIsRejected() throws {
        let ring = try TestRing(num: 4)
        try ring.add(out: 0, in: 1, token: 1)
        ring.driver.kick()
        ring.memory.store16(at: ring.layout.usedIdx, 3)
        XCTAssertThrowsError(try ring.driver.getBuffer()) {
            XCTAssertEqual($0 as? VringDriverError, .usedIndexAhead(used: 3, lastSeen: 0, inFlight: 1))
        }
    }
}
