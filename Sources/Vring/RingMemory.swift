/// The memory backend every shared-ring access goes through.
///
/// Driver and device never touch ring memory directly: each load and store of a ring field,
/// indirect table entry or payload word is one call here, addressed by byte offset into the
/// guest memory that holds the ring. That lets the same driver and device code run
/// - natively on two threads (`NativeRingMemory`, relaxed atomic accesses), and
/// - under the weak-memory oracle, whose backend records every access as an event and chooses
///   which value each load returns.
///
/// Convention: values are host-order integers zero-extended to `UInt64`; the backend stores them
/// little-endian, as the virtio spec lays out a modern split ring. A store keeps only the low
/// `width.bytes` bytes of the value. Offsets are naturally aligned for their width.
public protocol RingMemory: AnyObject {
    func load(_ width: AccessWidth, at offset: Int) -> UInt64
    func store(_ width: AccessWidth, at offset: Int, _ value: UInt64)
}

/// The size of one access.
public enum AccessWidth: Int, CaseIterable, Sendable, Codable {
    case u8 = 1, u16 = 2, u32 = 4, u64 = 8

    public var bytes: Int { rawValue }

    /// The largest value an access of this width carries.
    public var mask: UInt64 { self == .u64 ? .max : (1 << UInt64(rawValue * 8)) - 1 }
}

/// Typed helpers so ring code reads as `memory.load16(at:)`; they only narrow and widen.
extension RingMemory {
    @inlinable public func load16(at offset: Int) -> UInt16 {
        UInt16(truncatingIfNeeded: load(.u16, at: offset))
    }

    @inlinable public func load32(at offset: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: load(.u32, at: offset))
    }

    @inlinable public func load64(at offset: Int) -> UInt64 {
        load(.u64, at: offset)
    }

    @inlinable public func store16(at offset: Int, _ value: UInt16) {
        store(.u16, at: offset, UInt64(value))
    }

    @inlinable public func store32(at offset: Int, _ value: UInt32) {
        store(.u32, at: offset, UInt64(value))
    }

    @inlinable public func store64(at offset: Int, _ value: UInt64) {
        store(.u64, at: offset, value)
    }
}
