import Vring

/// One thread of a program the explorer checks: Swift code run against a `ThreadContext`.
///
/// The code must be deterministic given the values its loads return: the explorer re-runs it
/// once per combination of load values, building fresh local state each time.
public struct ThreadProgram {
    public var name: String
    /// Who this thread's fences must order against: smp_* fences are compiler barriers for a
    /// device, so against `.device` only mandatory and dma_* fences count.
    public var peer: Peer
    /// True for code whose data and control flow the oracle cannot see (the Swift ring): every
    /// store is then taken to depend on every earlier load of its thread, as in real hardware
    /// that never makes a store visible before the loads deciding it. Litmus threads track their
    /// dependencies exactly and leave this false.
    public var storesDependOnEarlierLoads: Bool
    public var body: (ThreadContext) -> Void

    public init(
        name: String, peer: Peer = .smpCPU, storesDependOnEarlierLoads: Bool = false,
        body: @escaping (ThreadContext) -> Void
    ) {
        self.name = name
        self.peer = peer
        self.storesDependOnEarlierLoads = storesDependOnEarlierLoads
        self.body = body
    }
}

/// One or two threads over shared locations (integers chosen by whoever builds the program).
public struct ConcurrentProgram {
    public var threads: [ThreadProgram]
    public var initialValue: (Int) -> Int
    public var locationName: (Int) -> String

    public init(
        threads: [ThreadProgram], initialValue: @escaping (Int) -> Int = { _ in 0 },
        locationName: @escaping (Int) -> String = { "\($0)" }
    ) {
        self.threads = threads
        self.initialValue = initialValue
        self.locationName = locationName
    }
}

/// How much work one exploration did.
public struct ExplorationStatistics: Sendable, Equatable {
    /// Times thread code ran (every combination of load values tried, abandoned ones included).
    public var threadRuns = 0
    /// Complete candidate executions (traces plus reads-from and coherence choices) checked
    /// against the model's axioms: the "executions explored".
    public var candidates = 0
    /// Candidates the model allows.
    public var consistent = 0
    /// Partial executions (a load's candidate source with the trace so far) the model ruled
    /// out before the thread ran further; each stands for every completion it cut off.
    public var pruned = 0

    public init() {}

    public static func + (lhs: Self, rhs: Self) -> Self {
        var sum = lhs
        sum.threadRuns += rhs.threadRuns
        sum.candidates += rhs.candidates
        sum.consistent += rhs.consistent
        sum.pruned += rhs.pruned
        return sum
    }
}

public enum ExplorationError: Error, Equatable, Sendable {
    case unsupportedThreadCount(Int)
    /// Stored values kept growing (e.g. a thread storing what it read plus one).
    case valueDomainDiverges(rounds: Int)
}
