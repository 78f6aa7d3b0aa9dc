import Vring

/// The verdict on one litmus test, in herd7's terms.
public struct LitmusResult: Sendable {
    public let name: String
    public let verdict: LitmusVerdict
    /// Allowed executions satisfying the condition's proposition, and the others (after `filter`).
    public let positive: Int
    public let negative: Int
    public let statistics: ExplorationStatistics
    /// One allowed execution satisfying the proposition, for rendering; nil when there is none.
    public let witness: Execution?
    public let declaredResult: LitmusVerdict?

    /// herd7's summary line: `Observation SB Sometimes 1 3`.
    public var observationLine: String { "Observation \(name) \(verdict.rawValue) \(positive) \(negative)" }
}

/// Decides litmus tests with the oracle's model.
public enum LitmusChecker {
    /// Parses and decides `source`. Throws `.refused` for a test outside the subset.
    ///
    /// - Parameter peer: who the threads' fences must order against; `.smpCPU` is the Linux
    ///   Kernel Memory Model itself, `.device` turns smp_* fences into compiler barriers.
    public static func check(source: String, peer: Peer = .smpCPU) throws(LitmusError) -> LitmusResult {
        try check(LitmusParser.parse(source), peer: peer)
    }

    public static func check(_ test: LitmusTest, peer: Peer = .smpCPU) throws(LitmusError) -> LitmusResult {
        var positive = 0
        var negative = 0
        var witness: Execution?
        let statistics: ExplorationStatistics
        do {
            statistics = try Explorer(program: program(for: test, peer: peer)).explore { execution in
                let state = LitmusFinalState(test: test, execution: execution)
                if let filter = test.filter, !state.satisfies(filter) { return true }
                if state.satisfies(test.condition.proposition) {
                    positive += 1
                    if witness == nil { witness = execution }
                } else {
                    negative += 1
                }
                return true
            }
        } catch {
            throw .refused(error.description)
        }
        let verdict: LitmusVerdict = positive == 0 ? .never : (negative == 0 ? .always : .sometimes)
        return LitmusResult(
            name: test.name, verdict: verdict, positive: positive, negative: negative,
            statistics: statistics, witness: witness, declaredResult: test.declaredResult)
    }

    static func program(for test: LitmusTest, peer: Peer) -> ConcurrentProgram {
        let threads = test.threads.map { thread in
            ThreadProgram(name: "P\(thread.index)", peer: peer) { context in
                var interpreter = LitmusInterpreter(test: test, thread: thread, context: context)
                interpreter.run(thread.body)
            }
        }
        return ConcurrentProgram(
            threads: threads,
            initialValue: { location in
                let name = test.locations[location]
                return test.initialValues[name].map { LitmusInterpreter.encode($0, in: test) } ?? 0
            },
            locationName: { test.locations[$0] })
    }
}

extension ExplorationError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unsupportedThreadCount(let count): return "\(count) threads (the oracle models one or two)"
        case .valueDomainDiverges(let rounds): return "stored values keep growing after \(rounds) rounds"
        }
    }
}

/// Registers and memory at the end of one execution, for evaluating conditions.
struct LitmusFinalState {
    let test: LitmusTest
    let execution: Execution

    func satisfies(_ proposition: LitmusProposition) -> Bool {
        switch proposition {
        case .constant(let value): return value
        case .not(let inner): return !satisfies(inner)
        case .and(let left, let right): return satisfies(left) && satisfies(right)
        case .or(let left, let right): return satisfies(left) || satisfies(right)
        case .equals(let thread, let name, let value):
            return actual(thread: thread, name: name) == LitmusInterpreter.encode(value, in: test)
        }
    }

    private func actual(thread: Int?, name: String) -> Int? {
        if let thread {
            guard execution.traces.indices.contains(thread) else { return nil }
            return execution.traces[thread].observations[name] ?? 0
        }
        guard let location = test.locations.firstIndex(of: name) else { return nil }
        if let final = execution.finalValues[location] { return final }
        return test.initialValues[name].map { LitmusInterpreter.encode($0, in: test) } ?? 0
    }
}
