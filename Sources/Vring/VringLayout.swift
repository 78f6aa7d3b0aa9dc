/// Where every field of a split virtqueue lives, as the virtio spec lays it out (little-endian):
///
///     descriptor table   num × { addr u64, len u32, flags u16, next u16 }        (16-byte entries)
///     available ring     flags u16, idx u16, ring[num] u16, used_event u16
///     padding            up to the next multiple of `align`
///     used ring          flags u16, idx u16, ring[num] { id u32, len u32 }, avail_event u16
///
/// Offsets are absolute byte offsets in guest memory: the ring starts at `base`.
public struct VringLayout: Hashable, Sendable {
    /// The largest queue the spec allows.
    public static let maxNum = 32768

    public static let descriptorSize = 16
    public static let usedElementSize = 8

    public let num: Int
    public let align: Int
    public let base: Int

    /// Offset of the available ring (right after the descriptor table).
    public let availOffset: Int
    /// Offset of the used ring (after the available ring, rounded up to `align`).
    public let usedOffset: Int

    /// - Parameters:
    ///   - num: queue size, a power of two in 1...32768. Indices run free in 16 bits and are
    ///     reduced modulo `num`; only a power of two divides 65,536, so any other size would map
    ///     two live indices to one slot at the wrap.
    ///   - align: used-ring alignment, a power of two of at least 4 so the 32-bit used elements
    ///     are naturally aligned.
    ///   - base: where the ring starts; a multiple of 16 (the descriptor table's alignment).
    public init(num: Int, align: Int = 4096, base: Int = 0) throws(VringLayoutError) {
        guard num >= 1, num <= Self.maxNum, num & (num - 1) == 0 else {
            throw .badQueueSize(num)
        }
        guard align >= 4, align & (align - 1) == 0 else { throw .badAlignment(align) }
        guard base >= 0, base % 16 == 0 else { throw .misalignedBase(base) }
        self.num = num
        self.align = align
        self.base = base
        availOffset = base + Self.descriptorSize * num
        usedOffset = base + vringUsedRingOffset(num: num, align: align)
    }

    /// Bytes from `base` to the end of the used ring: `vringSize(num:align:)`.
    public var size: Int { vringSize(num: num, align: align) }

    /// One past the last byte of the ring.
    public var end: Int { base + size }

    // Descriptor table.
    public func descAddr(_ i: Int) -> Int { base + Self.descriptorSize * i }
    public func descLen(_ i: Int) -> Int { descAddr(i) + 8 }
    public func descFlags(_ i: Int) -> Int { descAddr(i) + 12 }
    public func descNext(_ i: Int) -> Int { descAddr(i) + 14 }

    // Available ring (driver writes, device reads; used_event the other way round).
    public var availFlags: Int { availOffset }
    public var availIdx: Int { availOffset + 2 }
    public func availRing(_ i: Int) -> Int { availOffset + 4 + 2 * i }
    public var usedEvent: Int { availOffset + 4 + 2 * num }

    // Used ring (device writes, driver reads; avail_event the other way round).
    public var usedFlags: Int { usedOffset }
    public var usedIdx: Int { usedOffset + 2 }
    public func usedRingID(_ i: Int) -> Int { usedOffset + 4 + Self.usedElementSize * i }
    public func usedRingLen(_ i: Int) -> Int { usedRingID(i) + 4 }
    public var availEvent: Int { usedOffset + 4 + Self.usedElementSize * num }
}

public enum VringLayoutError: Error, Equatable, Sendable {
    case badQueueSize(Int)
    case badAlignment(Int)
    case misalignedBase(Int)
}

/// Offset of the used ring from the ring's start: descriptors, then avail flags, idx, ring and
/// used_event (3 + num u16s), rounded up to `align`.
public func vringUsedRingOffset(num: Int, align: Int) -> Int {
    let availEnd = VringLayout.descriptorSize * num + 2 * (3 + num)
    return (availEnd + align - 1) & ~(align - 1)
}

/// Bytes a split ring of `num` entries occupies with the used ring aligned to `align` (a power
/// of two): the same value as the C `vring_size()`.
public func vringSize(num: Int, align: Int) -> Int {
    vringUsedRingOffset(num: num, align: align) + 2 * 3 + VringLayout.usedElementSize * num
}

/// The event-index test of the spec: true when `eventIdx` lies in the half-open window
/// (oldIdx, newIdx] of 16-bit free-running indices, i.e. the other side asked to be told once
/// the index passes `eventIdx` and this update moved it past. All arithmetic wraps at 2^16.
@inlinable
public func vringNeedEvent(eventIdx: UInt16, newIdx: UInt16, oldIdx: UInt16) -> Bool {
    newIdx &- eventIdx &- 1 < newIdx &- oldIdx
}

/// Flag bits of the ring, with the spec's values.
public enum VringFlags {
    /// Descriptor continues via `next`.
    public static let descNext: UInt16 = 1
    /// Buffer is device-writable.
    public static let descWrite: UInt16 = 2
    /// Buffer holds a table of indirect descriptors.
    public static let descIndirect: UInt16 = 4
    /// used->flags: the device asks not to be kicked.
    public static let usedNoNotify: UInt16 = 1
    /// avail->flags: the driver asks not to be interrupted.
    public static let availNoInterrupt: UInt16 = 1
}
