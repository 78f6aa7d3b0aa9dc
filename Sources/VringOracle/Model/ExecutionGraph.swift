import Vring

/// The memory accesses of some thread traces as graph nodes, with every relation that does not
/// depend on the reads-from and coherence choices: program order, fences, dependencies.
///
/// Node ids: first one initial write per location, then each thread's accesses in program order.
/// Fences are not nodes; they become the fence relations between the accesses around them.
struct ExecutionGraph {
    struct Node {
        /// -1 for an initial write.
        let thread: Int
        let index: Int
        let isRead: Bool
        let location: Int
        let value: Int
        let ordering: AccessOrdering
        var isWrite: Bool { !isRead }
    }

    private(set) var nodes: [Node] = []
    private(set) var initialNode: [Int: Int] = [:]
    private(set) var nodeOfEvent: [[Int?]] = []

    // Relations fixed by the traces alone.
    private(set) var po: Relation
    private(set) var sameThread: Relation
    private(set) var sameLocation: Relation
    /// `ext`: initial writes belong to no thread, so they are external to every event.
    private(set) var differentThread: Relation
    private(set) var addr: Relation
    private(set) var data: Relation
    /// (addr | data | ctrl) ; [W]
    private(set) var rwdep: Relation
    private(set) var mb: Relation
    private(set) var wmb: Relation
    private(set) var rmb: Relation
    private(set) var poRelease: Relation
    private(set) var acquirePo: Relation

    init(traces: [ThreadTrace], peers: [Peer], storesDependOnEarlierLoads: [Bool], initialValue: (Int) -> Int) {
        let locations = Set(traces.flatMap { $0.events.compactMap(\.location) }).sorted()
        var nodes: [Node] = locations.map {
            Node(thread: -1, index: -1, isRead: false, location: $0, value: initialValue($0), ordering: .once)
        }
        var nodeOfEvent: [[Int?]] = []
        for (thread, trace) in traces.enumerated() {
            var ids: [Int?] = []
            for (index, event) in trace.events.enumerated() {
                switch event.operation {
                case .read(let location, let value, let ordering), .write(let location, let value, let ordering):
                    ids.append(nodes.count)
                    nodes.append(
                        Node(
                            thread: thread, index: index, isRead: event.isRead,
                            location: location, value: value, ordering: ordering))
                case .fence:
                    ids.append(nil)
                }
            }
            nodeOfEvent.append(ids)
        }
        let size = nodes.count
        self.nodes = nodes
        self.nodeOfEvent = nodeOfEvent
        for (id, location) in locations.enumerated() { initialNode[location] = id }
        (po, sameThread, sameLocation) = Self.structure(nodes)
        differentThread = sameThread.complement
        addr = Relation(size: size)
        data = Relation(size: size)
        rwdep = Relation(size: size)
        (mb, wmb, rmb, poRelease, acquirePo) = (addr, addr, addr, addr, addr)
        for thread in traces.indices {
            addDependencies(traces[thread], thread: thread, loadsOrderStores: storesDependOnEarlierLoads[thread])
            addFences(traces[thread], thread: thread, peer: peers[thread])
        }
    }

    var size: Int { nodes.count }

    func node(of event: EventID) -> Int? { nodeOfEvent[event.thread][event.index] }

    func node(of write: WriteReference) -> Int? {
        switch write {
        case .initial(let location): return initialNode[location]
        case .event(let id): return node(of: id)
        }
    }

    func reference(ofNode id: Int) -> WriteReference {
        let node = nodes[id]
        return node.thread < 0
            ? .initial(location: node.location)
            : .event(EventID(thread: node.thread, index: node.index))
    }

    private static func structure(_ nodes: [Node]) -> (Relation, Relation, Relation) {
        var po = Relation(size: nodes.count)
        var sameThread = Relation(size: nodes.count)
        var sameLocation = Relation(size: nodes.count)
        for a in nodes.indices {
            for b in nodes.indices {
                if nodes[a].location == nodes[b].location { sameLocation.insert(a, b) }
                guard nodes[a].thread >= 0, nodes[a].thread == nodes[b].thread else { continue }
                sameThread.insert(a, b)
                if nodes[a].index < nodes[b].index { po.insert(a, b) }
            }
        }
        return (po, sameThread, sameLocation)
    }

    private mutating func addDependencies(_ trace: ThreadTrace, thread: Int, loadsOrderStores: Bool) {
        let ids = nodeOfEvent[thread]
        var earlierReads: [Int] = []
        for (index, event) in trace.events.enumerated() {
            guard let target = ids[index] else { continue }
            let sources = { (indices: [Int]) in indices.compactMap { ids[$0] } }
            for source in sources(event.addressDependencies) { addr.insert(source, target) }
            for source in sources(event.dataDependencies) { data.insert(source, target) }
            if event.isWrite {
                var dependsOn = sources(event.addressDependencies + event.dataDependencies + event.controlDependencies)
                if loadsOrderStores { dependsOn += earlierReads }
                for source in dependsOn { rwdep.insert(source, target) }
            } else {
                earlierReads.append(target)
            }
        }
    }

    /// fencerel(F) restricted to the accesses a fence of each kind orders, plus release/acquire.
    private mutating func addFences(_ trace: ThreadTrace, thread: Int, peer: Peer) {
        let ids = nodeOfEvent[thread]
        var before: [Int] = []
        var beforeFence: [FenceKind: [Int]] = [:]
        let smpOrders = peer.isOrdered(by: .smp)
        for (index, event) in trace.events.enumerated() {
            if let fence = event.fence {
                for kind in fence.orderings(for: peer) { beforeFence[kind] = before }
                continue
            }
            guard let target = ids[index] else { continue }
            let node = nodes[target]
            for source in beforeFence[.mb] ?? [] { mb.insert(source, target) }
            for source in beforeFence[.wmb] ?? [] where node.isWrite && nodes[source].isWrite {
                wmb.insert(source, target)
            }
            for source in beforeFence[.rmb] ?? [] where node.isRead && nodes[source].isRead {
                rmb.insert(source, target)
            }
            if smpOrders && node.ordering == .release { for source in before { poRelease.insert(source, target) } }
            if smpOrders {
                for source in before where nodes[source].ordering == .acquire { acquirePo.insert(source, target) }
            }
            before.append(target)
        }
    }
}
