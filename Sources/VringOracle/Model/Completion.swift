/// Turns finished traces into full candidate executions: every possible source for the reads
/// whose source is still open, every coherence order per location; checks each with the model.
struct Completion {
    let program: ConcurrentProgram
    private(set) var candidates = 0
    private(set) var consistent = 0
    private(set) var shouldContinue = true

    init(program: ConcurrentProgram) { self.program = program }

    /// Checks every completion of `traces`, handing allowed executions to `visit` until it
    /// returns false.
    mutating func complete(
        _ traces: [ThreadTrace], knownSources: [EventID: WriteReference], visit: (Execution) -> Bool
    ) {
        let graph = PartialExecution(program: program, traces: traces).graph
        var baseRF = Relation(size: graph.size)
        for (read, write) in knownSources {
            if let readNode = graph.node(of: read), let writeNode = graph.node(of: write) {
                baseRF.insert(writeNode, readNode)
            }
        }
        let openReads = graph.nodes.indices.filter { id in
            let node = graph.nodes[id]
            return node.isRead && knownSources[EventID(thread: node.thread, index: node.index)] == nil
        }
        let sourceOptions = openReads.map { Self.possibleSources(of: $0, in: graph) }
        let orderOptions = Self.coherenceOrders(graph)
        for sources in cartesianProduct(sourceOptions) {
            var rf = baseRF
            for (read, write) in zip(openReads, sources) { rf.insert(write, read) }
            for orders in cartesianProduct(orderOptions) {
                guard shouldContinue else { return }
                check(graph, traces: traces, rf: rf, orders: orders, visit: visit)
            }
        }
    }

    private mutating func check(
        _ graph: ExecutionGraph, traces: [ThreadTrace], rf: Relation, orders: [[Int]], visit: (Execution) -> Bool
    ) {
        var co = Relation(size: graph.size)
        for order in orders {
            for (position, earlier) in order.enumerated() {
                for later in order[(position + 1)...] { co.insert(earlier, later) }
            }
        }
        candidates += 1
        guard LinuxKernelModel.violation(in: graph, rf: rf, co: co) == nil else { return }
        consistent += 1
        shouldContinue = visit(execution(graph, traces: traces, rf: rf, orders: orders))
    }

    private func execution(_ graph: ExecutionGraph, traces: [ThreadTrace], rf: Relation, orders: [[Int]]) -> Execution {
        var readsFrom: [EventID: WriteReference] = [:]
        for (write, read) in rf.pairs {
            let node = graph.nodes[read]
            readsFrom[EventID(thread: node.thread, index: node.index)] = graph.reference(ofNode: write)
        }
        var coherence: [Int: [WriteReference]] = [:]
        for order in orders {
            coherence[graph.nodes[order[0]].location] = order.map(graph.reference(ofNode:))
        }
        let locations = Array(coherence.keys)
        return Execution(
            threadNames: program.threads.map(\.name), peers: program.threads.map(\.peer),
            storesDependOnEarlierLoads: program.threads.map(\.storesDependOnEarlierLoads),
            traces: traces, readsFrom: readsFrom, coherence: coherence,
            initialValues: Dictionary(uniqueKeysWithValues: locations.map { ($0, program.initialValue($0)) }),
            locationNames: Dictionary(uniqueKeysWithValues: locations.map { ($0, program.locationName($0)) }))
    }

    /// Same-valued writes a read may take its value from without an immediate coherence cycle:
    /// never a po-later own write, and once the thread wrote the location, only its latest such
    /// write or another thread's.
    static func possibleSources(of read: Int, in graph: ExecutionGraph) -> [Int] {
        let node = graph.nodes[read]
        let ownEarlier = graph.nodes.indices.last { id in
            let other = graph.nodes[id]
            return other.isWrite && other.thread == node.thread && other.location == node.location
                && other.index < node.index
        }
        return graph.nodes.indices.filter { id in
            let write = graph.nodes[id]
            guard write.isWrite, write.location == node.location, write.value == node.value else { return false }
            if write.thread == node.thread { return id == ownEarlier }
            return write.thread >= 0 || ownEarlier == nil
        }
    }

    /// Per location: every total order of its writes with the initial write first and each
    /// thread's writes in program order.
    static func coherenceOrders(_ graph: ExecutionGraph) -> [[[Int]]] {
        var writesByLocation: [Int: [[Int]]] = [:]
        for (id, node) in graph.nodes.enumerated() where node.isWrite && node.thread >= 0 {
            var perThread = writesByLocation[node.location] ?? [[], []]
            while perThread.count <= node.thread { perThread.append([]) }
            perThread[node.thread].append(id)
            writesByLocation[node.location] = perThread
        }
        return graph.initialNode.sorted { $0.key < $1.key }.map { location, initial in
            let perThread = writesByLocation[location] ?? [[], []]
            return interleavings(perThread[0], perThread.count > 1 ? perThread[1] : []).map { [initial] + $0 }
        }
    }
}
