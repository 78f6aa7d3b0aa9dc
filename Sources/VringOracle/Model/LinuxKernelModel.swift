/// The axioms of the Linux Kernel Memory Model (tools/memory-model/linux-kernel.cat) for the
/// subset the oracle supports: marked accesses only (READ_ONCE, WRITE_ONCE, acquire, release),
/// the mb/rmb/wmb fences, dependencies; no RMW, locks or RCU, so the atomic, rcu and
/// plain-access parts of the model are empty and left out.
///
/// Who a fence orders against is decided when the graph is built (`ExecutionGraph.addFences`):
/// a device peer sees smp_* fences as compiler barriers, so they contribute no relation.
enum LinuxKernelModel {
    /// The axiom an inconsistent execution breaks.
    enum Axiom: String, Sendable {
        case coherence = "coherence (sequential consistency per variable)"
        case happensBefore = "happens-before"
        case propagation = "propagation"
    }

    /// Nil when the execution is allowed; otherwise the first violated axiom.
    ///
    /// `co` need not be total: any subset of the final coherence order that is transitive gives
    /// relations that are subsets of the final ones, so a violation found with it holds for
    /// every completion (the explorer prunes with that).
    static func violation(in graph: ExecutionGraph, rf: Relation, co: Relation) -> Axiom? {
        let fr = rf.inverse.then(co)
        let poLoc = graph.po.intersection(graph.sameLocation)
        guard poLoc.union(rf).union(co).union(fr).isAcyclic else { return .coherence }

        // `int` and `ext` of the cat file.
        let sameThread = graph.sameThread
        let otherThread = graph.differentThread
        let rfe = rf.intersection(otherThread)
        let rfi = rf.intersection(sameThread)
        let overwrite = co.union(fr)

        let fence = graph.mb.union(graph.poRelease).union(graph.acquirePo).union(graph.wmb).union(graph.rmb)
        let toR = graph.addr.union(graph.addr.union(graph.data).then(rfi))
        let toW = graph.rwdep.union(overwrite.intersection(sameThread))
        let ppo = toR.union(toW).union(fence)

        let cumulFence = rfe.reflexive.then(graph.mb.union(graph.poRelease)).union(graph.wmb)
        let prop = overwrite.intersection(otherThread).reflexive
            .then(cumulFence.reflexiveTransitiveClosure)
            .then(rfe.reflexive)
        let propInternal = prop.subtracting(.identity(size: graph.size)).intersection(sameThread)
        let hb = ppo.union(rfe).union(propInternal)
        let hbClosure = hb.transitiveClosure
        guard !(0..<graph.size).contains(where: { hbClosure.contains($0, $0) }) else { return .happensBefore }

        let pb = prop.then(graph.mb).then(hbClosure.reflexive)
        guard pb.isAcyclic else { return .propagation }
        return nil
    }
}
