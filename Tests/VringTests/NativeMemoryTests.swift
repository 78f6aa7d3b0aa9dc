import XCTest
import Vring

final class NativeMemoryTests: XCTestCase {
    func testFieldsAreStoredLittleEndian() {
        let memory = NativeRingMemory(byteCount: 64)
        memory.store16(at: 0, 0x1234)
        XCTAssertEqual(memory.load(.u8, at: 0), 0x34)
        XCTAssertEqual(memory.load(.u8, at: 1), 0x12)
        memory.store32(at: 4, 0xAABB_CCDD)
        XCTAssertEqual(memory.load(.u8, at: 4), 0xDD)
        XCTAssertEqual(memory.load16(at: 6), 0xAABB)
        memory.store64(at: 8, 0x0102_0304_0506_0708)
        XCTAssertEqual(memory.load32(at: 8), 0x0506_0708)
        XCTAssertEqual(memory.load32(at: 12), 0x0102_0304)
    }

    func testStoresKeepOnlyTheirWidth() {
        let memory = NativeRingMemory(byteCount: 16)
        memory.store(.u16, at: 2, 0xFFFF_1234)
        XCTAssertEqual(memory.load(.u32, at: 0), 0x1234_0000)
        XCTAssertEqual(AccessWidth.u16.mask, 0xFFFF)
        XCTAssertEqual(AccessWidth.u64.mask, .max)
    }

    func testEveryNativeFenceExecutes() {
        let fences = NativeFences()
        for primitive in FencePrimitive.allCases { fences.fence(primitive, at: .kickPublish) }
        UnsafeNoFences().fence(.mb, at: .kickPublish)
    }
}
