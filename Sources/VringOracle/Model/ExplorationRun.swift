/// The mutable state of one exploration: statistics, the completion step, and running threads.
struct ExplorationRun {
    let program: ConcurrentProgram
    let prunes: Bool
    private(set) var statistics = ExplorationStatistics()
    private var completion: Completion

    init(program: ConcurrentProgram, prunes: Bool) {
        self.program = program
        self.prunes = prunes
        completion = Completion(program: program)
    }

    var shouldContinue: Bool { completion.shouldContinue }

    /// Runs `thread` over every combination of load values from `domain`.
    mutating func runAll(thread: Int, domain: ValueDomain) -> [ThreadTrace] {
        let chooser = DomainChooser(domain: domain, initialValue: program.initialValue)
        var traces: [ThreadTrace] = []
        var runs = 0
        repeat {
            chooser.stack.rewind()
            let context = ThreadContext(threadIndex: thread, chooser: chooser, initialValue: program.initialValue)
            program.threads[thread].body(context)
            runs += 1
            if !context.isAbandoned { traces.append(context.trace) }
        } while chooser.stack.advance()
        statistics.threadRuns += runs
        return traces
    }

    /// The thread whose first run (every load returning the initial value) loads least often:
    /// the cheaper one to enumerate with guessed values.
    mutating func threadWithFewerLoads() -> Int {
        let loads = (0..<2).map { thread in
            let context = ThreadContext(
                threadIndex: thread, chooser: InitialValueChooser(program.initialValue),
                initialValue: program.initialValue)
            program.threads[thread].body(context)
            statistics.threadRuns += 1
            return context.events.filter(\.isRead).count
        }
        return loads[0] <= loads[1] ? 0 : 1
    }

    /// Runs the inner thread against a fixed outer trace, completing every inner trace.
    /// Returns a trace holding every store the inner runs made before any of them was
    /// abandoned (what the growing domain learns).
    mutating func exploreInner(
        against outerTrace: ThreadTrace, outerThread: Int, _ visit: (Execution) -> Bool
    ) -> ThreadTrace {
        let inner = 1 - outerThread
        let chooser = SourceChooser(outer: outerTrace, outerThread: outerThread, program: program, prunes: prunes)
        var stores = ThreadTrace()
        repeat {
            chooser.stack.rewind()
            let context = ThreadContext(threadIndex: inner, chooser: chooser, initialValue: program.initialValue)
            program.threads[inner].body(context)
            statistics.threadRuns += 1
            stores.events += context.validEvents.filter(\.isWrite)
            guard !context.isAbandoned else { continue }
            var traces = Array(repeating: ThreadTrace(), count: 2)
            traces[outerThread] = outerTrace
            traces[inner] = context.trace
            let known = Dictionary(
                uniqueKeysWithValues: context.sources.map {
                    (EventID(thread: inner, index: $0.key), $0.value)
                })
            complete(traces, knownSources: known, visit)
        } while shouldContinue && chooser.stack.advance()
        statistics.pruned += chooser.pruned
        return stores
    }

    mutating func complete(
        _ traces: [ThreadTrace], knownSources: [EventID: WriteReference], _ visit: (Execution) -> Bool
    ) {
        let before = (completion.candidates, completion.consistent)
        completion.complete(traces, knownSources: knownSources, visit: visit)
        statistics.candidates += completion.candidates - before.0
        statistics.consistent += completion.consistent - before.1
    }
}

/// Every load returns the location's initial value (for a first look at a thread).
final class InitialValueChooser: ReadChooser {
    private let initialValue: (Int) -> Int

    init(_ initialValue: @escaping (Int) -> Int) { self.initialValue = initialValue }

    func choose(readOf location: Int, ordering: AccessOrdering, in context: ThreadContext) -> ReadChoice? {
        ReadChoice(value: initialValue(location), source: nil)
    }
}
