/// Chooses, for each load of the inner thread, the write it reads from among the writes the
/// outer thread's fixed trace makes, the thread's own earlier writes and the initial value.
///
/// Every candidate is checked at once against the model on the partial execution (the whole
/// outer trace plus the inner prefix, with only the coherence edges every completion has), so
/// a stale read the fences forbid is cut before the thread runs any further.
final class SourceChooser: ReadChooser {
    var stack = ChoiceStack<ReadChoice>()
    private let outer: ThreadTrace
    private let outerThread: Int
    private let program: ConcurrentProgram
    private let prunes: Bool
    private(set) var pruned = 0

    init(outer: ThreadTrace, outerThread: Int, program: ConcurrentProgram, prunes: Bool) {
        self.outer = outer
        self.outerThread = outerThread
        self.program = program
        self.prunes = prunes
    }

    func choose(readOf location: Int, ordering: AccessOrdering, in context: ThreadContext) -> ReadChoice? {
        stack.choose { consistentCandidates(location: location, ordering: ordering, context: context) }
    }

    private func consistentCandidates(location: Int, ordering: AccessOrdering, context: ThreadContext) -> [ReadChoice] {
        candidates(location: location, context: context).filter { candidate in
            guard prunes else { return true }
            var traces = Array(repeating: ThreadTrace(), count: 2)
            traces[outerThread] = outer
            traces[context.threadIndex] = context.traceWithPendingRead(
                of: location, value: candidate.value, ordering: ordering)
            var sources = context.sources
            sources[context.events.count] = candidate.source
            let allowed = PartialExecution(program: program, traces: traces).isConsistent(
                innerThread: context.threadIndex, innerSources: sources)
            if !allowed { pruned += 1 }
            return allowed
        }
    }

    private func candidates(location: Int, context: ThreadContext) -> [ReadChoice] {
        let own: ReadChoice
        if let write = context.events.latestWrite(to: location) {
            own = ReadChoice(
                value: write.value, source: .event(EventID(thread: context.threadIndex, index: write.index)))
        } else {
            own = ReadChoice(value: program.initialValue(location), source: .initial(location: location))
        }
        let fromOuter = outer.events.indices.compactMap { index -> ReadChoice? in
            let event = outer.events[index]
            guard event.isWrite, event.location == location, let value = event.value else { return nil }
            return ReadChoice(value: value, source: .event(EventID(thread: outerThread, index: index)))
        }
        return [own] + fromOuter
    }
}

/// Traces with some reads-from fixed, checked with the coherence edges forced in every
/// completion: the initial write before all others, and each thread's writes in program order.
struct PartialExecution {
    let program: ConcurrentProgram
    let traces: [ThreadTrace]

    var graph: ExecutionGraph {
        ExecutionGraph(
            traces: traces, peers: program.threads.map(\.peer),
            storesDependOnEarlierLoads: program.threads.map(\.storesDependOnEarlierLoads),
            initialValue: program.initialValue)
    }

    func isConsistent(innerThread: Int, innerSources: [Int: WriteReference]) -> Bool {
        let graph = graph
        var rf = Relation(size: graph.size)
        for (index, source) in innerSources {
            guard let read = graph.node(of: EventID(thread: innerThread, index: index)),
                let write = graph.node(of: source)
            else { continue }
            rf.insert(write, read)
        }
        return LinuxKernelModel.violation(in: graph, rf: rf, co: Self.forcedCoherence(graph)) == nil
    }

    static func forcedCoherence(_ graph: ExecutionGraph) -> Relation {
        var co = Relation(size: graph.size)
        for (a, first) in graph.nodes.enumerated() where first.isWrite {
            for (b, second) in graph.nodes.enumerated() where second.isWrite && a != b {
                guard first.location == second.location else { continue }
                if first.thread < 0 || (first.thread == second.thread && first.index < second.index) {
                    co.insert(a, b)
                }
            }
        }
        return co
    }
}
