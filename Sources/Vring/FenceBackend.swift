import CFence
import Synchronization

/// Where a ring's fences go. The queue decides *which* primitive a site gets (from its
/// `weakBarriers` flag, see `QueueBarriers`); the backend decides what executing it means:
/// real instructions, nothing, or an entry in a log the oracle and the tests read.
public protocol FenceBackend {
    func fence(_ primitive: FencePrimitive, at site: BarrierSite)
}

/// One queue's barrier policy, shared by driver and device code: the single place where a
/// required `FenceKind` becomes an SMP or a mandatory primitive, like the C macros
/// `virtio_Xmb(vq)` after the v3.3 migration.
public struct QueueBarriers<Fences: FenceBackend> {
    /// True for an SMP peer (a hypervisor on another CPU), false for a real device or remote
    /// processor that needs mandatory fences.
    public let weakBarriers: Bool
    public let backend: Fences

    public init(weakBarriers: Bool, backend: Fences) {
        self.weakBarriers = weakBarriers
        self.backend = backend
    }

    /// The primitive a fence of `kind` expands to on this queue.
    @inlinable public func primitive(for kind: FenceKind) -> FencePrimitive {
        weakBarriers ? .smp(kind) : .mandatory(kind)
    }

    @inlinable public func fence(_ kind: FenceKind, at site: BarrierSite) {
        backend.fence(primitive(for: kind), at: site)
    }
}

/// Real fences for the x86-64 machine we run on (see CFence.h for the instruction choice).
public struct NativeFences: FenceBackend, Sendable {
    public init() {}

    @inline(__always)
    public func fence(_ primitive: FencePrimitive, at site: BarrierSite) {
        switch primitive {
        case .smp_mb, .virt_mb: cfence_smp_mb()
        case .smp_rmb, .virt_rmb: cfence_smp_rmb()
        case .smp_wmb, .virt_wmb: cfence_smp_wmb()
        case .mb: cfence_mb()
        case .rmb: cfence_rmb()
        case .wmb: cfence_wmb()
        // Coherent DMA memory on x86-64 is ordered like SMP memory: loads with loads, stores
        // with stores, so only the compiler must be stopped.
        case .dma_rmb, .dma_wmb, .barrier: cfence_compiler_barrier()
        }
    }
}

/// UNSAFE: executes no fence at all, not even a compiler barrier. Exists only so the benchmark
/// can show what barriers cost; a ring run with it may lose or corrupt buffers.
public struct UnsafeNoFences: FenceBackend, Sendable {
    public init() {}

    @inline(__always)
    public func fence(_ primitive: FencePrimitive, at site: BarrierSite) {}
}

/// One executed fence as the recording backend saw it.
public struct FenceEvent: Hashable, Sendable, CustomStringConvertible {
    public let primitive: FencePrimitive
    public let site: BarrierSite

    public init(_ primitive: FencePrimitive, at site: BarrierSite) {
        self.primitive = primitive
        self.site = site
    }

    public var description: String { "\(primitive.rawValue)@\(site.rawValue)" }
}

/// Appends every fence to a log instead of executing it. A mutex guards the log so driver and
/// device may share one recorder, even from two threads.
public final class RecordingFences: FenceBackend, Sendable {
    private let log = Mutex<[FenceEvent]>([])

    public init() {}

    public func fence(_ primitive: FencePrimitive, at site: BarrierSite) {
        log.withLock { $0.append(FenceEvent(primitive, at: site)) }
    }

    /// Everything recorded so far, oldest first.
    public var events: [FenceEvent] { log.withLock { $0 } }

    /// Returns the events recorded so far and forgets them.
    public func drain() -> [FenceEvent] {
        log.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}
