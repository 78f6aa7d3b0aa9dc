import CFence

/// Guest memory for two real threads: one zeroed, 4096-aligned allocation accessed only through
/// CFence's relaxed atomic loads and stores.
///
/// `@unchecked Sendable` because sharing it between the driver thread and the device thread is the
/// point: every access is a C11 relaxed atomic, so concurrent use is defined behaviour, and the
/// ordering between accesses is exactly what the ring's fences give, nothing more.
public final class NativeRingMemory: RingMemory, @unchecked Sendable {
    public let byteCount: Int
    private let base: UnsafeMutableRawPointer

    public init(byteCount: Int) {
        precondition(byteCount > 0, "guest memory needs at least one byte")
        self.byteCount = byteCount
        base = UnsafeMutableRawPointer.allocate(byteCount: byteCount, alignment: 4096)
        base.initializeMemory(as: UInt8.self, repeating: 0, count: byteCount)
    }

    deinit { base.deallocate() }

    /// Bounds and alignment are checked even in release builds: a device must never turn a
    /// corrupted descriptor into a wild access, and the C accesses need natural alignment.
    @inline(__always)
    private func address(_ width: AccessWidth, _ offset: Int) -> UnsafeMutableRawPointer {
        precondition(
            offset >= 0 && offset <= byteCount - width.bytes && offset & (width.bytes - 1) == 0,
            "guest memory access out of bounds or misaligned")
        return base + offset
    }

    @inline(__always)
    public func load(_ width: AccessWidth, at offset: Int) -> UInt64 {
        let p = address(width, offset)
        switch width {
        case .u8: return UInt64(cfence_load8(p))
        case .u16: return UInt64(UInt16(littleEndian: cfence_load16(p)))
        case .u32: return UInt64(UInt32(littleEndian: cfence_load32(p)))
        case .u64: return UInt64(littleEndian: cfence_load64(p))
        }
    }

    @inline(__always)
    public func store(_ width: AccessWidth, at offset: Int, _ value: UInt64) {
        let p = address(width, offset)
        switch width {
        case .u8: cfence_store8(p, UInt8(truncatingIfNeeded: value))
        case .u16: cfence_store16(p, UInt16(truncatingIfNeeded: value).littleEndian)
        case .u32: cfence_store32(p, UInt32(truncatingIfNeeded: value).littleEndian)
        case .u64: cfence_store64(p, value.littleEndian)
        }
    }
}
