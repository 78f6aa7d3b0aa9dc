import Vring

/// A fence of a counterexample that was missing or too weak: making it the fence its site
/// needs would forbid the execution.
public struct FenceBlame: Sendable, Equatable {
    public let site: BarrierSite
    /// The helper kind the code called there (virtio_wmb is `.wmb`).
    public let called: FenceKind?
    public let expandedTo: [FencePrimitive]
    /// What the site needs, from the accesses it separates.
    public let required: FenceKind
    public let peer: Peer

    /// Why this fence does not give the ordering its site needs.
    public var explanation: String {
        let (before, after) = site.separates
        let need =
            "\(site.rawValue) separates \"\(before.rawValue)\" from \"\(after.rawValue)\", which needs \(required.rawValue)"
        let spelled = ExecutedFence(primitives: expandedTo).spelling
        var reasons: [String] = []
        if let called, !called.satisfies(required) {
            reasons.append("the code calls the \(called.rawValue) helper there")
        }
        let ordering = ExecutedFence(primitives: expandedTo).orderings(for: peer)
        if expandedTo.isEmpty {
            reasons.append("the helper expands to nothing")
        } else if ordering.isEmpty {
            reasons.append("\(spelled) orders nothing against a \(peer.rawValue) peer")
        } else {
            let kinds = ordering.map(\.rawValue).sorted().joined(separator: "+")
            reasons.append("\(spelled) gives only \(kinds)")
        }
        return need + "; " + reasons.joined(separator: ", and ")
    }

    /// The fences to blame for `execution`: each fence weaker than its site needs whose
    /// strengthening alone forbids the execution; failing that, all of them together when only
    /// the combination does; empty when no fence helps (the protocol itself is at fault).
    static func blame(_ execution: Execution) -> [FenceBlame] {
        let weak = execution.eventIDs.filter { isTooWeak(execution, $0) }
        let single = weak.filter { strengthening([$0], in: execution).violatedAxiom != nil }
        let chosen = single.isEmpty && strengthening(weak, in: execution).violatedAxiom != nil ? weak : single
        var seen: Set<BarrierSite> = []
        return chosen.compactMap { id in
            guard let fence = execution.event(id).fence, let site = fence.site, seen.insert(site).inserted else {
                return nil
            }
            return FenceBlame(
                site: site, called: fence.requestedKind, expandedTo: fence.primitives,
                required: site.requiredKind, peer: execution.peers[id.thread])
        }
    }

    private static func isTooWeak(_ execution: Execution, _ id: EventID) -> Bool {
        guard let fence = execution.event(id).fence, let site = fence.site else { return false }
        let ordering = fence.orderings(for: execution.peers[id.thread])
        return !ordering.contains(.mb) && !ordering.contains(site.requiredKind)
    }

    /// The execution with each fence in `ids` replaced by the right fence for its site and peer.
    private static func strengthening(_ ids: [EventID], in execution: Execution) -> Execution {
        var traces = execution.traces
        for id in ids {
            guard var fence = traces[id.thread].events[id.index].fence, let site = fence.site else { continue }
            let kind = site.requiredKind
            fence.primitives = [execution.peers[id.thread] == .device ? .mandatory(kind) : .smp(kind)]
            traces[id.thread].events[id.index].operation = .fence(fence)
        }
        return execution.replacingTraces(traces)
    }
}
