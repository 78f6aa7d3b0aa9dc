/// Enumerates every execution of a one- or two-thread program that the memory model allows.
///
/// 1. Value domain: run each thread with loads returning any value stored anywhere, until the
///    set of stored values stops growing.
/// 2. Outer thread: the thread with fewer runs under that domain; each of its traces is fixed
///    in turn.
/// 3. Inner thread: re-run against the fixed outer trace, each load choosing the write it reads
///    from, pruned by the model on the partial execution.
/// 4. Completion: the outer thread's reads get every same-valued write as source, writes to a
///    location every coherence order; each full candidate is checked against the model.
public struct Explorer {
    /// Knobs for cross-checking the explorer against itself in tests.
    struct Options {
        /// Check each inner candidate on the partial execution (off: only complete candidates).
        var prunesPartialExecutions = true
        /// Force which thread is enumerated first instead of the one with fewer runs.
        var outerThread: Int?
    }

    public let program: ConcurrentProgram
    let options: Options
    /// Fixpoint rounds before giving up on a value domain that keeps growing.
    static let maximumDomainRounds = 12

    public init(program: ConcurrentProgram) { self.init(program: program, options: Options()) }

    init(program: ConcurrentProgram, options: Options) {
        self.program = program
        self.options = options
    }

    /// Calls `visit` with each allowed execution until it returns false.
    @discardableResult
    public func explore(_ visit: (Execution) -> Bool) throws(ExplorationError) -> ExplorationStatistics {
        let threadCount = program.threads.count
        guard (1...2).contains(threadCount) else { throw .unsupportedThreadCount(threadCount) }
        var statistics = ExplorationStatistics()
        let tracesByThread = try domainTraces(&statistics)
        var completion = Completion(program: program)
        if threadCount == 1 {
            for trace in tracesByThread[0] where completion.shouldContinue {
                completion.complete([trace], knownSources: [:], visit: visit)
            }
        } else {
            let outer = options.outerThread ?? (tracesByThread[0].count <= tracesByThread[1].count ? 0 : 1)
            for trace in tracesByThread[outer] where completion.shouldContinue {
                exploreInner(against: trace, outerThread: outer, completion: &completion, &statistics, visit)
            }
        }
        statistics.candidates += completion.candidates
        statistics.consistent += completion.consistent
        return statistics
    }

    private func domainTraces(_ statistics: inout ExplorationStatistics) throws(ExplorationError) -> [[ThreadTrace]] {
        var domain = ValueDomain(threadCount: program.threads.count)
        for round in 1...Self.maximumDomainRounds {
            var grew = false
            var traces: [[ThreadTrace]] = []
            for thread in program.threads.indices {
                let chooser = DomainChooser(domain: domain, initialValue: program.initialValue)
                let runs = runAll(thread: thread, chooser: chooser, stack: { chooser.stack.rewind() },
                                  advance: { chooser.stack.advance() })
                statistics.threadRuns += runs.count
                traces.append(runs.traces)
                grew = domain.absorb(runs.traces, of: thread) || grew
            }
            if !grew || round == Self.maximumDomainRounds {
                if grew { throw .valueDomainDiverges(rounds: round) }
                return traces
            }
        }
        return []
    }

    private func exploreInner(
        against outerTrace: ThreadTrace, outerThread: Int, completion: inout Completion,
        _ statistics: inout ExplorationStatistics, _ visit: (Execution) -> Bool
    ) {
        let inner = 1 - outerThread
        let chooser = SourceChooser(
            outer: outerTrace, outerThread: outerThread, program: program,
            prunes: options.prunesPartialExecutions)
        repeat {
            chooser.stack.rewind()
            let context = ThreadContext(threadIndex: inner, chooser: chooser, initialValue: program.initialValue)
            program.threads[inner].body(context)
            statistics.threadRuns += 1
            guard !context.isAbandoned else { continue }
            var traces = Array(repeating: ThreadTrace(), count: 2)
            traces[outerThread] = outerTrace
            traces[inner] = context.trace
            let known = Dictionary(uniqueKeysWithValues: context.sources.map {
                (EventID(thread: inner, index: $0.key), $0.value)
            })
            completion.complete(traces, knownSources: known, visit: visit)
        } while completion.shouldContinue && chooser.stack.advance()
        statistics.pruned += chooser.pruned
    }

    /// Runs one thread over every choice combination; returns the finished traces and run count.
    private func runAll(
        thread: Int, chooser: ReadChooser, stack rewind: () -> Void, advance: () -> Bool
    ) -> (traces: [ThreadTrace], count: Int) {
        var traces: [ThreadTrace] = []
        var count = 0
        repeat {
            rewind()
            let context = ThreadContext(threadIndex: thread, chooser: chooser, initialValue: program.initialValue)
            program.threads[thread].body(context)
            count += 1
            if !context.isAbandoned { traces.append(context.trace) }
        } while advance()
        return (traces, count)
    }
}
