/// The driver (guest) side of a split virtqueue, in the shape of Linux's `virtio_ring.c`:
/// add buffers, kick (prepare + notify), get used buffers back, switch callbacks on and off.
///
/// Every shared access goes through `Memory`, every barrier through `fence(_:at:)`. Operations
/// never wait for the device: each one runs a bounded number of steps and returns, so the
/// oracle can interleave them with device steps; waiting belongs to the caller.
///
/// Private bookkeeping (free list, per-head tokens and chain lengths) lives in Swift arrays, not
/// in ring memory: the driver never re-reads what it wrote, like the `desc_extra` shadow of
/// Linux 6.1, so a device scribbling over descriptors cannot corrupt the free list.
///
/// Not thread-safe: one thread (or the oracle) drives it at a time.
public final class VringDriver<Memory: RingMemory, Fences: FenceBackend> {
    public let memory: Memory
    public let layout: VringLayout
    public let barriers: QueueBarriers<Fences>
    public let features: VringFeatures
    public let indirectPool: IndirectPool?

    /// Called by `notify()`: rings the device's doorbell (a hypervisor exit in real life).
    public var notifyDevice: () -> Void

    var freeHead = 0
    /// Descriptors not in any chain.
    public internal(set) var freeDescriptors: Int
    /// Buffers added and not yet returned or detached.
    public internal(set) var buffersInFlight = 0
    /// Private `next` links: the free list and the order of every chain.
    var nextShadow: [UInt16]
    /// Per head: descriptors the chain occupies (1 for an indirect buffer), 0 if not a head.
    var chainLength: [UInt16]
    var tokens: [UInt64]
    var availIdxShadow: UInt16
    var publishedAvailIdx: UInt16
    var lastUsedIdx: UInt16
    var availFlagsShadow: UInt16 = 0
    /// Set once the device returned something impossible; every later operation refuses.
    public internal(set) var isBroken = false

    /// Builds a driver over a zeroed ring and stores the driver-owned fields (avail flags,
    /// avail idx, used_event) with their initial values. The oracle should treat those stores
    /// as the initial state (or discard them) before the concurrent part of a test.
    ///
    /// - Parameters:
    ///   - indirectPool: where indirect tables go; required when `features.indirect`.
    ///   - startIndex: the value both free-running indices start from. Real rings start at 0;
    ///     tests start near 65,535 to reach the 16-bit wrap quickly. The device must be built
    ///     with the same value.
    public init(
        memory: Memory, layout: VringLayout, fences: Fences, weakBarriers: Bool,
        features: VringFeatures = VringFeatures(), indirectPool: IndirectPool? = nil,
        startIndex: UInt16 = 0, notifyDevice: @escaping () -> Void = {}
    ) {
        precondition(!features.indirect || indirectPool != nil, "indirect needs a table pool")
        precondition(indirectPool.map { $0.tables >= layout.num } ?? true, "pool too small")
        self.memory = memory
        self.layout = layout
        self.barriers = QueueBarriers(weakBarriers: weakBarriers, backend: fences)
        self.features = features
        self.indirectPool = features.indirect ? indirectPool : nil
        self.notifyDevice = notifyDevice
        freeDescriptors = layout.num
        nextShadow = (0..<layout.num).map { UInt16(truncatingIfNeeded: $0 + 1) }
        chainLength = Array(repeating: 0, count: layout.num)
        tokens = Array(repeating: 0, count: layout.num)
        availIdxShadow = startIndex
        publishedAvailIdx = startIndex
        lastUsedIdx = startIndex
        memory.store16(at: layout.availFlags, 0)
        memory.store16(at: layout.availIdx, startIndex)
        memory.store16(at: layout.usedEvent, startIndex)
    }

    public var weakBarriers: Bool { barriers.weakBarriers }

    /// The one place the driver executes a barrier: SMP or mandatory by `weakBarriers`.
    @inline(__always)
    public func fence(_ kind: FenceKind, at site: BarrierSite) {
        barriers.fence(kind, at: site)
    }

    @inline(__always)
    func slot(_ index: UInt16) -> Int { Int(index) & (layout.num - 1) }
}
