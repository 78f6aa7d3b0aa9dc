/// The fence vocabulary shared by the Swift vring, the oracle and the C lint.
///
/// One table answers "what does this primitive order, and for whom": the lint reads it to judge
/// what a C barrier helper expands to, the migration writes macro bodies from it, and the oracle
/// uses it to decide which fences order accesses for a given peer.

/// What a fence orders: all accesses, load-load, or store-store.
public enum FenceKind: String, CaseIterable, Sendable, Codable {
    case mb, rmb, wmb

    /// True when a fence of this kind gives at least the ordering `required` asks for.
    public func satisfies(_ required: FenceKind) -> Bool {
        self == .mb || self == required
    }
}

/// Who a fence orders against.
public enum FenceScope: String, CaseIterable, Sendable, Codable {
    /// Orders only against other SMP CPUs; a compiler barrier on a uniprocessor build and for a device.
    case smp
    /// Orders against everything, devices and remote processors included.
    case mandatory
    /// Orders accesses to coherent DMA memory shared with a device.
    case dma
    /// Orders nothing at run time; only the compiler is constrained.
    case compiler
}

/// A C barrier primitive the kernel offers, with its kind and scope.
public enum FencePrimitive: String, CaseIterable, Sendable, Codable {
    case smp_mb, smp_rmb, smp_wmb
    case virt_mb, virt_rmb, virt_wmb
    case mb, rmb, wmb
    case dma_rmb, dma_wmb
    case barrier

    /// The ordering it gives; nil for `barrier()`, which orders nothing at run time.
    public var kind: FenceKind? {
        switch self {
        case .smp_mb, .virt_mb, .mb: return .mb
        case .smp_rmb, .virt_rmb, .rmb, .dma_rmb: return .rmb
        case .smp_wmb, .virt_wmb, .wmb, .dma_wmb: return .wmb
        case .barrier: return nil
        }
    }

    public var scope: FenceScope {
        switch self {
        case .smp_mb, .smp_rmb, .smp_wmb, .virt_mb, .virt_rmb, .virt_wmb: return .smp
        case .mb, .rmb, .wmb: return .mandatory
        case .dma_rmb, .dma_wmb: return .dma
        case .barrier: return .compiler
        }
    }

    /// The SMP-scope primitive of a kind: what the weak arm of a per-queue barrier expands to.
    public static func smp(_ kind: FenceKind) -> FencePrimitive {
        switch kind {
        case .mb: return .smp_mb
        case .rmb: return .smp_rmb
        case .wmb: return .smp_wmb
        }
    }

    /// The mandatory primitive of a kind: the strong arm and the non-SMP branch.
    public static func mandatory(_ kind: FenceKind) -> FencePrimitive {
        switch kind {
        case .mb: return .mb
        case .rmb: return .rmb
        case .wmb: return .wmb
        }
    }
}

/// The other side of a ring.
public enum Peer: String, CaseIterable, Sendable, Codable {
    /// A hypervisor on another SMP CPU: SMP-scope fences order against it.
    case smpCPU = "smp-cpu"
    /// A real device or remote processor outside the SMP coherence domain: only mandatory and
    /// DMA fences order against it.
    case device

    /// Whether a fence of `scope` orders accesses as seen by this peer.
    public func isOrdered(by scope: FenceScope) -> Bool {
        switch (self, scope) {
        case (_, .compiler): return false
        case (.smpCPU, _): return true
        case (.device, .smp): return false
        case (.device, .mandatory), (.device, .dma): return true
        }
    }
}
