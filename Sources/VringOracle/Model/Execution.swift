import Vring

/// One event of one thread: `index` is its position in the thread's trace.
public struct EventID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let thread: Int
    public let index: Int

    public init(thread: Int, index: Int) {
        self.thread = thread
        self.index = index
    }

    public static func < (lhs: EventID, rhs: EventID) -> Bool {
        (lhs.thread, lhs.index) < (rhs.thread, rhs.index)
    }

    public var description: String { "\(thread):\(index)" }
}

/// A write a read can take its value from: the initial value of a location or a thread's store.
public enum WriteReference: Hashable, Sendable {
    case initial(location: Int)
    case event(EventID)
}

/// A complete candidate execution: what every thread did, which write each read reads from (rf),
/// and the order of the writes to each location (co).
public struct Execution: Sendable {
    public let threadNames: [String]
    /// The peer each thread's fences are judged against.
    public let peers: [Peer]
    public let storesDependOnEarlierLoads: [Bool]
    public let traces: [ThreadTrace]
    public let readsFrom: [EventID: WriteReference]
    /// Per location, its writes in coherence order; the initial write comes first.
    public let coherence: [Int: [WriteReference]]
    public let initialValues: [Int: Int]
    public let locationNames: [Int: String]

    public func event(_ id: EventID) -> TraceEvent { traces[id.thread].events[id.index] }

    public func value(of write: WriteReference) -> Int {
        switch write {
        case .initial(let location): return initialValues[location] ?? 0
        case .event(let id): return event(id).value ?? 0
        }
    }

    /// The value each location holds at the end: its coherence-last write.
    public var finalValues: [Int: Int] {
        coherence.mapValues { writes in writes.last.map(value(of:)) ?? 0 }
    }

    public func name(of location: Int) -> String { locationNames[location] ?? "\(location)" }

    /// Every event id in thread order, then program order.
    public var eventIDs: [EventID] {
        traces.indices.flatMap { thread in
            traces[thread].events.indices.map { EventID(thread: thread, index: $0) }
        }
    }

    /// The same execution with different traces (used to ask "consistent if this fence were
    /// stronger?"); reads-from and coherence are kept.
    func replacingTraces(_ newTraces: [ThreadTrace]) -> Execution {
        Execution(
            threadNames: threadNames, peers: peers,
            storesDependOnEarlierLoads: storesDependOnEarlierLoads, traces: newTraces,
            readsFrom: readsFrom, coherence: coherence, initialValues: initialValues,
            locationNames: locationNames)
    }
}
