import XCTest
import Vring

final class DeviceTests: XCTestCase {
    func testPopFollowsADirectChain() throws {
        let ring = try TestRing(num: 4)
        try ring.add(out: 2, in: 1, token: 1)
        XCTAssertNil(try ring.device.popAvailable(), "not published yet")
        ring.driver.kick()
        let chain = try XCTUnwrap(ring.device.popAvailable())
        let base = UInt64(ring.plan.dataBase)
        XCTAssertEqual(chain.head, 0)
        XCTAssertEqual(chain.segments, [
            DeviceSegment(addr: base, len: 16, writable: false),
            DeviceSegment(addr: base + 16, len: 16, writable: false),
            DeviceSegment(addr: base + 32, len: 16, writable: true),
        ])
        XCTAssertEqual(chain.writableBytes, 16)
        XCTAssertNil(try ring.device.popAvailable())
    }

    func testPopFollowsAnIndirectTable() throws {
        let ring = try TestRing(num: 2, indirect: true)
        try ring.add(out: 1, in: 3, token: 5)
        XCTAssertEqual(ring.driver.freeDescriptors, 1, "an indirect buffer takes one descriptor")
        let pool = try XCTUnwrap(ring.plan.indirect)
        let l = ring.layout
        XCTAssertEqual(ring.memory.load16(at: l.descFlags(0)), VringFlags.descIndirect)
        XCTAssertEqual(ring.memory.load64(at: l.descAddr(0)), UInt64(pool.table(forHead: 0)))
        XCTAssertEqual(ring.memory.load32(at: l.descLen(0)), 4 * 16)
        ring.driver.kick()
        let chain = try XCTUnwrap(ring.device.popAvailable())
        XCTAssertEqual(chain.segments.map(\.writable), [false, true, true, true])
        XCTAssertEqual(chain.segments.map(\.addr), (0..<4).map { UInt64(ring.plan.dataBase + 16 * $0) })
        ring.device.pushUsed(head: chain.head, length: 48)
        XCTAssertEqual(try ring.driver.getBuffer(), UsedBuffer(token: 5, length: 48))
        XCTAssertEqual(ring.driver.freeDescriptors, 2)
    }

    func testSingleSegmentBuffersStayDirectWithIndirectOn() throws {
        let ring = try TestRing(num: 2, indirect: true)
        try ring.add(out: 0, in: 1, token: 1)
        XCTAssertEqual(ring.memory.load16(at: ring.layout.descFlags(0)), VringFlags.descWrite)
    }

    func testMoreSegmentsThanAnIndirectTableFallBackToDirect() throws {
        let ring = try TestRing(num: 8, indirect: true)  // tables hold 4 entries
        try ring.add(out: 3, in: 2, token: 1)
        XCTAssertEqual(ring.driver.freeDescriptors, 3)
        ring.driver.kick()
        XCTAssertEqual(try ring.device.popAvailable()?.segments.count, 5)
    }

    func testUsedElementsStayInvisibleUntilPublished() throws {
        let ring = try TestRing(num: 4)
        for token in 1...3 { try ring.add(out: 0, in: 1, token: UInt64(token), first: token) }
        ring.driver.kick()
        var heads: [UInt16] = []
        while let chain = try ring.device.popAvailable() { heads.append(chain.head) }
        for head in heads { ring.device.addUsed(head: head, length: 8) }
        XCTAssertNil(try ring.driver.getBuffer())
        XCTAssertEqual(ring.device.unpublishedUsed, 3)
        ring.device.publishUsed()
        XCTAssertEqual(ring.memory.load16(at: ring.layout.usedIdx), 3)
        var tokens: [UInt64] = []
        while let used = try ring.driver.getBuffer() { tokens.append(used.token) }
        XCTAssertEqual(tokens, [1, 2, 3])
    }

    /// A malformed ring, built by hand in memory and published, and the error it must give.
    private struct Malformed {
        let name: String
        let build: (TestRing) -> Void
        let expected: (TestRing) -> VringDeviceError
    }

    private func check(_ cases: [Malformed], indirect: Bool) throws {
        for c in cases {
            let ring = try TestRing(num: 4, indirect: indirect)
            c.build(ring)
            XCTAssertThrowsError(try ring.device.popAvailable(), c.name) {
                XCTAssertEqual($0 as? VringDeviceError, c.expected(ring), c.name)
            }
            XCTAssertTrue(ring.device.isBroken, c.name)
            XCTAssertThrowsError(try ring.device.popAvailable()) {
                XCTAssertEqual($0 as? VringDeviceError, .broken)
            }
        }
    }

    func testMalformedChainsAreTypedErrors() throws {
        let next = VringFlags.descNext, write = VringFlags.descWrite
        try check([
            Malformed(name: "head out of range", build: { $0.publish(head: 7) },
                      expected: { _ in .headOutOfRange(head: 7) }),
            Malformed(name: "next out of range",
                      build: { $0.writeDesc(0, flags: next, next: 9); $0.publish(head: 0) },
                      expected: { _ in .nextOutOfRange(next: 9, limit: 4) }),
            Malformed(name: "loop", build: {
                $0.writeDesc(0, flags: next, next: 1)
                $0.writeDesc(1, flags: next, next: 0)
                $0.publish(head: 0)
            }, expected: { _ in .chainLoop(head: 0) }),
            Malformed(name: "readable after writable", build: {
                $0.writeDesc(0, flags: next | write, next: 1)
                $0.writeDesc(1, flags: 0, next: 0)
                $0.publish(head: 0)
            }, expected: { _ in .readableAfterWritable }),
            Malformed(name: "segment out of bounds", build: {
                $0.writeDesc(0, addr: UInt64($0.memory.byteCount - 8), flags: 0, next: 0)
                $0.publish(head: 0)
            }, expected: { .segmentOutOfBounds(addr: UInt64($0.memory.byteCount - 8), len: 16) }),
            Malformed(name: "indirect not negotiated",
                      build: { $0.writeDesc(0, flags: VringFlags.descIndirect, next: 0); $0.publish(head: 0) },
                      expected: { _ in .indirectNotNegotiated }),
        ], indirect: false)
    }

    func testMalformedIndirectTablesAreTypedErrors() throws {
        let indirect = VringFlags.descIndirect
        let table = { (ring: TestRing) in UInt64(ring.plan.indirect!.table(forHead: 0)) }
        try check([
            Malformed(name: "indirect with next", build: {
                $0.writeDesc(0, addr: table($0), len: 32, flags: indirect | VringFlags.descNext, next: 1)
                $0.publish(head: 0)
            }, expected: { _ in .indirectWithNext }),
            Malformed(name: "bad length", build: {
                $0.writeDesc(0, addr: table($0), len: 24, flags: indirect, next: 0)
                $0.publish(head: 0)
            }, expected: { _ in .badIndirectLength(24) }),
            Malformed(name: "misaligned table", build: {
                $0.writeDesc(0, addr: table($0) + 8, len: 32, flags: indirect, next: 0)
                $0.publish(head: 0)
            }, expected: { .badIndirectTable(addr: table($0) + 8) }),
            Malformed(name: "nested", build: {
                $0.writeDesc(0, addr: table($0), len: 32, flags: indirect, next: 0)
                $0.writeEntry(at: Int(table($0)), flags: indirect, next: 0)
                $0.publish(head: 0)
            }, expected: { _ in .nestedIndirect }),
            Malformed(name: "next outside table", build: {
                $0.writeDesc(0, addr: table($0), len: 32, flags: indirect, next: 0)
                $0.writeEntry(at: Int(table($0)), flags: VringFlags.descNext, next: 2)
                $0.publish(head: 0)
            }, expected: { _ in .nextOutOfRange(next: 2, limit: 2) }),
            Malformed(name: "indirect loop", build: {
                $0.writeDesc(0, addr: table($0), len: 32, flags: indirect, next: 0)
                $0.writeEntry(at: Int(table($0)), flags: VringFlags.descNext, next: 1)
                $0.writeEntry(at: Int(table($0)) + 16, flags: VringFlags.descNext, next: 0)
                $0.publish(head: 0)
            }, expected: { _ in .chainLoop(head: 0) }),
        ], indirect: true)
    }

    func testAvailIndexJumpingPastTheRingIsRejected() throws {
        let ring = try TestRing(num: 4)
        ring.memory.store16(at: ring.layout.availIdx, 5)
        XCTAssertThrowsError(try ring.device.popAvailable()) {
            XCTAssertEqual($0 as? VringDeviceError, .availIndexAhead(avail: 5, lastSeen: 0))
        }
    }
}

/// Hand-built ring contents for the malformed-chain tests.
extension TestRing {
    func writeDesc(_ index: Int, addr: UInt64? = nil, len: UInt32 = 16, flags: UInt16, next: UInt16) {
        writeEntry(at: layout.descAddr(index), addr: addr, len: len, flags: flags, next: next)
    }

    func writeEntry(at offset: Int, addr: UInt64? = nil, len: UInt32 = 16, flags: UInt16, next: UInt16) {
        memory.store64(at: offset, addr ?? UInt64(plan.dataBase))
        memory.store32(at: offset + 8, len)
        memory.store16(at: offset + 12, flags)
        memory.store16(at: offset + 14, next)
    }

    /// Puts `head` in the next avail slot and bumps avail->idx, as a driver would.
    func publish(head: UInt16) {
        let index = memory.load16(at: layout.availIdx)
        memory.store16(at: layout.availRing(Int(index) & (layout.num - 1)), head)
        memory.store16(at: layout.availIdx, index &+ 1)
    }
}
