/// Re-checking a complete execution against the model, e.g. after changing one of its fences.
extension Execution {
    /// The axiom this execution breaks, or nil when the model allows it.
    var violatedAxiom: LinuxKernelModel.Axiom? {
        let graph = ExecutionGraph(
            traces: traces, peers: peers, storesDependOnEarlierLoads: storesDependOnEarlierLoads,
            initialValue: { initialValues[$0] ?? 0 })
        var rf = Relation(size: graph.size)
        for (read, write) in readsFrom {
            guard let readNode = graph.node(of: read), let writeNode = graph.node(of: write) else { continue }
            rf.insert(writeNode, readNode)
        }
        var co = Relation(size: graph.size)
        for writes in coherence.values {
            let nodes = writes.compactMap { graph.node(of: $0) }
            for (position, earlier) in nodes.enumerated() {
                for later in nodes[(position + 1)...] { co.insert(earlier, later) }
            }
        }
        return LinuxKernelModel.violation(in: graph, rf: rf, co: co)
    }

    public var isAllowedByModel: Bool { violatedAxiom == nil }
}
