/// Enumerates every execution of a one- or two-thread program that the memory model allows.
///
/// The outer thread's traces are enumerated with load values drawn from a value domain; for
/// each, the inner thread re-runs against that fixed trace, each load choosing the write it
/// reads from, pruned by the model on the partial execution (`SourceChooser`). Completion then
/// gives the outer thread's reads every same-valued source and each location every coherence
/// order, and checks every full candidate (`Completion`).
///
/// The value domain (what the outer thread's loads may return from the inner thread) comes
/// from one of two strategies:
/// - full fixpoint: run both threads with loads returning any value stored anywhere until the
///   stored values stop growing. Always sound; used for litmus programs.
/// - growing domain: start from no inner values, add what the explored inner runs actually
///   store, repeat until nothing new appears. Sound when every store of both threads depends on
///   the loads before it (`storesDependOnEarlierLoads`): a value the outer thread reads is then
///   produced by an inner run whose inputs come from strictly earlier (happens-before) reads,
///   so it appears in some round. Used for the ring, where it avoids running the device with
///   every combination of stale descriptor fields.
public struct Explorer {
    /// Knobs for cross-checking the explorer against itself in tests.
    struct Options {
        /// Check each inner candidate on the partial execution (off: only complete candidates).
        var prunesPartialExecutions = true
        /// Force which thread is enumerated first.
        var outerThread: Int?
        /// Allow the growing-domain strategy when its condition holds (off: full fixpoint).
        var growsDomain = true
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
        var run = ExplorationRun(program: program, prunes: options.prunesPartialExecutions)
        if threadCount == 2 && options.growsDomain && program.threads.allSatisfy(\.storesDependOnEarlierLoads) {
            try exploreGrowingDomain(&run, visit)
        } else {
            try exploreWithFullFixpoint(&run, visit)
        }
        return run.statistics
    }

    private func exploreWithFullFixpoint(
        _ run: inout ExplorationRun, _ visit: (Execution) -> Bool
    ) throws(ExplorationError) {
        var domain = ValueDomain(threadCount: program.threads.count)
        var traces: [[ThreadTrace]] = []
        for round in 1...Self.maximumDomainRounds {
            traces = program.threads.indices.map { run.runAll(thread: $0, domain: domain) }
            var grew = false
            for thread in traces.indices { grew = domain.absorb(traces[thread], of: thread) || grew }
            if !grew { break }
            if round == Self.maximumDomainRounds { throw .valueDomainDiverges(rounds: round) }
        }
        if traces.count == 1 {
            for trace in traces[0] where run.shouldContinue { run.complete([trace], knownSources: [:], visit) }
            return
        }
        let outer = options.outerThread ?? (traces[0].count <= traces[1].count ? 0 : 1)
        for trace in traces[outer] where run.shouldContinue {
            _ = run.exploreInner(against: trace, outerThread: outer, visit)
        }
    }

    private func exploreGrowingDomain(
        _ run: inout ExplorationRun, _ visit: (Execution) -> Bool
    ) throws(ExplorationError) {
        let outer = options.outerThread ?? run.threadWithFewerLoads()
        var domain = ValueDomain(threadCount: 2)
        var explored: Set<[Int]> = []
        for round in 1...Self.maximumDomainRounds {
            var grew = false
            for trace in run.runAll(thread: outer, domain: domain) {
                guard run.shouldContinue else { return }
                guard explored.insert(trace.loadedValues).inserted else { continue }
                let innerWrites = run.exploreInner(against: trace, outerThread: outer, visit)
                grew = domain.absorb([innerWrites], of: 1 - outer) || grew
            }
            if !grew { return }
            if round == Self.maximumDomainRounds { throw .valueDomainDiverges(rounds: round) }
        }
    }
}

extension ThreadTrace {
    /// The values its loads returned, in order: what identifies a run of deterministic code.
    var loadedValues: [Int] { events.compactMap { $0.isRead ? $0.value : nil } }
}
