/// The device (host) side of a split virtqueue, in the shape of Linux's `vringh.c`: pop
/// available chains, write used elements, publish used->idx, decide on interrupts, and switch
/// kick notifications on and off.
///
/// Like the driver, it reaches ring memory only through `Memory` and barriers only through
/// `fence(_:at:)`, never waits for the driver, and trusts nothing it reads: every index, id,
/// length and address from the ring is checked before use, so a misbehaving driver (or an
/// oracle feeding arbitrary load values) yields a typed error, never a wild access.
///
/// Not thread-safe: one thread (or the oracle) runs it at a time.
public final class VringDevice<Memory: RingMemory, Fences: FenceBackend> {
    public let memory: Memory
    public let layout: VringLayout
    public let barriers: QueueBarriers<Fences>
    public let features: VringFeatures
    /// Guest memory size: descriptors pointing at or past it are rejected.
    public let addressLimit: Int

    /// Next avail ring entry to consume.
    public internal(set) var lastAvailIdx: UInt16
    /// The last avail->idx value read and fenced; entries below it may be read without
    /// loading avail->idx (and fencing) again.
    var fencedAvailIdx: UInt16
    /// used->idx including elements written but not yet published.
    var usedIdxShadow: UInt16
    public internal(set) var publishedUsedIdx: UInt16
    /// used->idx at the previous `needsNotify()`: the "old" of the event-index test.
    var usedIdxAtLastNotifyCheck: UInt16
    var kicksSuppressed = false
    public internal(set) var isBroken = false

    /// Builds a device and stores the device-owned fields (used flags, used idx, avail_event)
    /// with their initial values; see `VringDriver.init` for `startIndex`.
    public init(
        memory: Memory, layout: VringLayout, fences: Fences, weakBarriers: Bool,
        features: VringFeatures = VringFeatures(), startIndex: UInt16 = 0, addressLimit: Int
    ) {
        self.memory = memory
        self.layout = layout
        self.barriers = QueueBarriers(weakBarriers: weakBarriers, backend: fences)
        self.features = features
        self.addressLimit = addressLimit
        lastAvailIdx = startIndex
        fencedAvailIdx = startIndex
        usedIdxShadow = startIndex
        publishedUsedIdx = startIndex
        usedIdxAtLastNotifyCheck = startIndex
        memory.store16(at: layout.usedFlags, 0)
        memory.store16(at: layout.usedIdx, startIndex)
        memory.store16(at: layout.availEvent, startIndex)
    }

    public var weakBarriers: Bool { barriers.weakBarriers }

    /// The one place the device executes a barrier: SMP or mandatory by `weakBarriers`.
    @inline(__always)
    public func fence(_ kind: FenceKind, at site: BarrierSite) {
        barriers.fence(kind, at: site)
    }

    @inline(__always)
    func slot(_ index: UInt16) -> Int { Int(index) & (layout.num - 1) }

    func markBroken(_ error: VringDeviceError) -> VringDeviceError {
        isBroken = true
        return error
    }
}

/// Why the device refused a chain. Each one marks the device broken.
public enum VringDeviceError: Error, Equatable, Sendable {
    /// avail->idx moved more than `num` entries past what the device consumed.
    case availIndexAhead(avail: UInt16, lastSeen: UInt16)
    case headOutOfRange(head: UInt16)
    case nextOutOfRange(next: UInt16, limit: Int)
    /// A chain visits more descriptors than exist: it loops.
    case chainLoop(head: UInt16)
    /// A descriptor has the INDIRECT flag but the feature is off.
    case indirectNotNegotiated
    /// INDIRECT together with NEXT, which the spec forbids.
    case indirectWithNext
    /// An indirect table contains another indirect descriptor.
    case nestedIndirect
    /// An indirect table length that is zero or not a multiple of 16.
    case badIndirectLength(UInt32)
    /// An indirect table not 16-byte aligned or not inside guest memory.
    case badIndirectTable(addr: UInt64)
    /// A buffer segment not inside guest memory.
    case segmentOutOfBounds(addr: UInt64, len: UInt32)
    /// A device-readable segment after a device-writable one.
    case readableAfterWritable
    /// An operation on a device marked broken.
    case broken
}
