import Vring

/// How a marked access is annotated, as the Linux Kernel Memory Model distinguishes them.
public enum AccessOrdering: String, Sendable {
    /// READ_ONCE / WRITE_ONCE: no ordering of its own.
    case once
    /// smp_load_acquire: orders every po-later access after it.
    case acquire
    /// smp_store_release: orders every po-earlier access before it.
    case release
}

/// One fence as thread code executed it: what the code asked for at which site, and the
/// primitives that request really expanded to. An empty expansion is a fence that is missing.
public struct ExecutedFence: Hashable, Sendable {
    public var primitives: [FencePrimitive]
    public var site: BarrierSite?
    /// The kind of helper the code called (`virtio_wmb` is `.wmb`); nil for a bare litmus fence.
    public var requestedKind: FenceKind?

    public init(primitives: [FencePrimitive], site: BarrierSite? = nil, requestedKind: FenceKind? = nil) {
        self.primitives = primitives
        self.site = site
        self.requestedKind = requestedKind
    }

    /// The orderings this fence gives against `peer`; smp_* fences give none against a device.
    public func orderings(for peer: Peer) -> Set<FenceKind> {
        Set(primitives.compactMap { peer.isOrdered(by: $0.scope) ? $0.kind : nil })
    }

    /// "smp_wmb" or "smp_rmb+barrier" or "(nothing)".
    public var spelling: String {
        primitives.isEmpty ? "(nothing)" : primitives.map(\.rawValue).joined(separator: "+")
    }
}

/// One event of one thread's run, in program order.
public struct TraceEvent: Sendable {
    public enum Operation: Sendable, Equatable {
        case read(location: Int, value: Int, ordering: AccessOrdering)
        case write(location: Int, value: Int, ordering: AccessOrdering)
        case fence(ExecutedFence)
    }

    public var operation: Operation
    /// Trace indices of the reads whose values computed this access's address.
    public var addressDependencies: [Int] = []
    /// Trace indices of the reads whose values computed the stored value.
    public var dataDependencies: [Int] = []
    /// Trace indices of the reads that decided whether this event runs at all.
    public var controlDependencies: [Int] = []
    /// The operation that made the event ("kickPrepare"), empty when none was named.
    public var origin: String = ""

    public var location: Int? {
        switch operation {
        case .read(let location, _, _), .write(let location, _, _): return location
        case .fence: return nil
        }
    }

    public var value: Int? {
        switch operation {
        case .read(_, let value, _), .write(_, let value, _): return value
        case .fence: return nil
        }
    }

    public var isRead: Bool { if case .read = operation { true } else { false } }
    public var isWrite: Bool { if case .write = operation { true } else { false } }

    public var fence: ExecutedFence? {
        if case .fence(let fence) = operation { fence } else { nil }
    }
}

/// Everything one run of one thread produced: its events and what it chose to report.
public struct ThreadTrace: Sendable {
    public var events: [TraceEvent] = []
    /// Named results of the run: litmus registers, or what a ring scenario's thread saw and did.
    public var observations: [String: Int] = [:]
    /// Free-text remarks of the run, e.g. the error a ring operation threw.
    public var notes: [String] = []
}
