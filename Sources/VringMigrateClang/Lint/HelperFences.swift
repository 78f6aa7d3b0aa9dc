import Foundation
import Vring
import VringMigrateCore

/// Reads barrier helpers and the fences they expand to in terms of the shared fence table
/// (`Vring.FencePrimitive`): what a helper's name promises, and what one spelled fence gives.
enum HelperFences {
    /// `*_mb` promises a full fence, `*_rmb` a read fence, `*_wmb` a write fence
    /// (`virtio_store_mb` is a store followed by a full fence).
    static func promisedKind(of helper: String) -> FenceKind? {
        if helper.hasSuffix("_wmb") { return .wmb }
        if helper.hasSuffix("_rmb") { return .rmb }
        if helper.hasSuffix("_mb") { return .mb }
        return nil
    }

    /// What one spelled fence gives: its kind (nil for a compiler barrier) and its scope.
    struct Fence {
        var name: String
        var kind: FenceKind?
        var scope: FenceScope
        /// `virt_*` keeps SMP semantics on a uniprocessor build; `smp_*` does not.
        var isVirt: Bool { name.hasPrefix("virt_") }
    }

    /// Primitives the helpers use beyond the plain table: store-then-fence forms and the
    /// architecture spellings behind `virt_*`. Release/acquire are not fences of a kind and are
    /// not judged.
    private static let compound: [String: (FenceKind?, FenceScope)] = [
        "virt_store_mb": (.mb, .smp), "smp_store_mb": (.mb, .smp), "dma_mb": (.mb, .dma),
        "__smp_mb": (.mb, .smp), "__smp_rmb": (.rmb, .smp), "__smp_wmb": (.wmb, .smp),
    ]

    static func fence(_ name: String) -> Fence? {
        if let primitive = FencePrimitive(rawValue: name) {
            return Fence(name: name, kind: primitive.kind, scope: primitive.scope)
        }
        guard let (kind, scope) = compound[name] else { return nil }
        return Fence(name: name, kind: kind, scope: scope)
    }

    /// "a write (or full) fence", for messages.
    static func phrase(_ kind: FenceKind) -> String {
        switch kind {
        case .mb: return "a full fence"
        case .rmb: return "a read (or full) fence"
        case .wmb: return "a write (or full) fence"
        }
    }

    /// "a read fence", "a compiler barrier", for what was found.
    static func phrase(found fence: Fence) -> String { phrase(exactly: fence.kind) }

    static func phrase(exactly kind: FenceKind?) -> String {
        switch kind {
        case .mb: return "a full fence"
        case .rmb: return "a read fence"
        case .wmb: return "a write fence"
        case nil: return "a compiler barrier"
        }
    }

    /// The helper that gives `kind` under the same family as `helper`: virtio_wmb → virtio_mb.
    static func helper(_ helper: String, strengthenedTo kind: FenceKind) -> String {
        let stem = helper.hasSuffix("_wmb") || helper.hasSuffix("_rmb") ? String(helper.dropLast(4)) : String(helper.dropLast(3))
        return stem + "_" + kind.rawValue
    }
}

/// Which configuration an `#if` branch stands for, as far as barriers care.
enum BarrierBranch {
    case smp, nonSMP, unconditional

    /// `defined(CONFIG_SMP)` is SMP; `!defined(CONFIG_SMP)`, `!(CONFIG_SMP)` or
    /// `!IS_ENABLED(CONFIG_SMP)` as one conjunct of any condition is the non-SMP branch.
    init(_ conditions: [String]) {
        let conjuncts = conditions.flatMap { $0.components(separatedBy: "&&") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.contains("CONFIG_SMP") }
        if conjuncts.contains(where: { $0.hasPrefix("!") }) {
            self = .nonSMP
        } else if !conjuncts.isEmpty {
            self = .smp
        } else {
            self = .unconditional
        }
    }
}
