import Vring

/// What each per-queue barrier helper of the C driver really expands to, as a scan of a tree
/// finds it, plus optional per-site changes of which helper is called.
///
/// A helper is named by its kind (`virtio_wmb` is `.wmb`) and arm: `weak` is the expansion when
/// the queue has weak_barriers (the SMP arm), `strong` when it has not (the mandatory arm). A
/// kind missing from a table expands as it should: `smp_X` in the weak arm, `X` in the strong.
/// An empty list is a helper that expands to nothing at all.
public struct FenceConfiguration: Hashable, Sendable {
    public var weak: [FenceKind: [FencePrimitive]]
    public var strong: [FenceKind: [FencePrimitive]]
    /// Sites where the code calls a different helper than the protocol needs, e.g.
    /// `.kickBeforeEventCheck: .wmb` for the virtio_wmb that a72caae21803 replaced by virtio_mb.
    public var siteKinds: [BarrierSite: FenceKind]

    public init(
        weak: [FenceKind: [FencePrimitive]] = [:], strong: [FenceKind: [FencePrimitive]] = [:],
        siteKinds: [BarrierSite: FenceKind] = [:]
    ) {
        self.weak = weak
        self.strong = strong
        self.siteKinds = siteKinds
    }

    /// Every helper expands to the fence it is named after, every site calls the right helper:
    /// the v3.3 macros as intended.
    public static let correct = FenceConfiguration()

    /// Linux 6.1's include/linux/virtio_ring.h: virt_* in the weak arm; mb, dma_rmb and dma_wmb
    /// in the strong arm.
    public static let linux61 = FenceConfiguration(
        weak: [.mb: [.virt_mb], .rmb: [.virt_rmb], .wmb: [.virt_wmb]],
        strong: [.mb: [.mb], .rmb: [.dma_rmb], .wmb: [.dma_wmb]])

    /// The 7b21e34fd1c2 typo: virtio_wmb defined with smp_rmb / rmb.
    public static let wmbTypo = FenceConfiguration(weak: [.wmb: [.smp_rmb]], strong: [.wmb: [.rmb]])

    /// Before a72caae21803: virtio_wmb between publishing avail->idx and reading the avail event.
    public static let kickPrepareWriteBarrier = FenceConfiguration(siteKinds: [.kickBeforeEventCheck: .wmb])

    /// The primitives the helper of `kind` runs on a queue with `weakBarriers`.
    public func expansion(of kind: FenceKind, weakBarriers: Bool) -> [FencePrimitive] {
        if weakBarriers { return weak[kind] ?? [.smp(kind)] }
        return strong[kind] ?? [.mandatory(kind)]
    }

    /// One line per deviation from `correct`, for reports: "weak wmb -> smp_rmb".
    public var summary: String {
        var lines: [String] = []
        for (arm, table) in [("weak", weak), ("strong", strong)] {
            for kind in FenceKind.allCases {
                guard let primitives = table[kind] else { continue }
                lines.append("\(arm) \(kind.rawValue) -> " + ExecutedFence(primitives: primitives).spelling)
            }
        }
        for site in BarrierSite.allCases {
            if let kind = siteKinds[site] { lines.append("site \(site.rawValue) calls \(kind.rawValue)") }
        }
        return lines.isEmpty ? "every helper as intended" : lines.joined(separator: "; ")
    }
}
