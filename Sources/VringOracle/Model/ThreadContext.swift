import Vring

/// What a load returns while the explorer runs thread code: a value and, when the explorer
/// already knows it, the write the value comes from.
struct ReadChoice {
    let value: Int
    let source: WriteReference?
}

/// Decides the value of each new load. Returns nil when no value is possible; the run is then
/// abandoned (it still finishes, so thread code needs no way to stop early).
protocol ReadChooser: AnyObject {
    func choose(readOf location: Int, ordering: AccessOrdering, in context: ThreadContext) -> ReadChoice?
}

/// The shared memory thread code runs against under the explorer: every load, store and fence
/// becomes an event of the thread's trace, and each load returns what the explorer picked.
public final class ThreadContext {
    public let threadIndex: Int
    private(set) var trace = ThreadTrace()
    /// The write each read of this run takes its value from, where the chooser fixed it.
    private(set) var sources: [Int: WriteReference] = [:]
    /// True once a load had no possible value; the rest of the run is thrown away.
    var isAbandoned: Bool { abandonedAt != nil }
    /// The trace index where the run was abandoned.
    private var abandonedAt: Int?
    private let chooser: ReadChooser
    private let initialValue: (Int) -> Int
    private var controlDependencies: [[Int]] = []
    /// The operations running now, outermost first (see `performing`).
    private var operations: [String] = []

    init(threadIndex: Int, chooser: ReadChooser, initialValue: @escaping (Int) -> Int) {
        self.threadIndex = threadIndex
        self.chooser = chooser
        self.initialValue = initialValue
    }

    public var events: [TraceEvent] { trace.events }

    /// What the run has observed so far.
    public var observations: [String: Int] { trace.observations }

    /// Loads `location`; returns the value and the trace index of the read (for dependencies).
    @discardableResult
    public func load(
        _ location: Int, ordering: AccessOrdering = .once, addressDependencies: [Int] = []
    ) -> (value: Int, event: Int) {
        var value = initialValue(location)
        if !isAbandoned {
            if let choice = chooser.choose(readOf: location, ordering: ordering, in: self) {
                value = choice.value
                if let source = choice.source { sources[trace.events.count] = source }
            } else {
                abandonedAt = trace.events.count
            }
        }
        append(.read(location: location, value: value, ordering: ordering), addressDependencies, [])
        return (value, trace.events.count - 1)
    }

    public func store(
        _ location: Int, value: Int, ordering: AccessOrdering = .once,
        addressDependencies: [Int] = [], dataDependencies: [Int] = []
    ) {
        append(
            .write(location: location, value: value, ordering: ordering),
            addressDependencies, dataDependencies)
    }

    public func fence(_ fence: ExecutedFence) {
        append(.fence(fence), [], [])
    }

    /// Runs `body` with every event it creates labelled `operation` (e.g. "kickPrepare"), so
    /// counterexamples say which call made each access.
    public func performing<Result, Failure: Error>(
        _ operation: String, _ body: () throws(Failure) -> Result
    ) throws(Failure) -> Result {
        operations.append(operation)
        defer { operations.removeLast() }
        return try body()
    }

    /// Runs `body` with every event it creates control-dependent on `reads`.
    public func withControlDependency<T>(on reads: [Int], _ body: () -> T) -> T {
        controlDependencies.append(reads)
        defer { controlDependencies.removeLast() }
        return body()
    }

    /// Gives up on this run (thread code reached something it cannot do with the chosen
    /// values, such as dereferencing an integer); the run's trace is discarded.
    public func abandon() {
        if abandonedAt == nil { abandonedAt = trace.events.count }
    }

    /// The events before the run was abandoned (all of them when it was not).
    var validEvents: ArraySlice<TraceEvent> { trace.events[..<(abandonedAt ?? trace.events.count)] }

    /// Records a named result of the run (a register, or what a ring thread saw).
    public func observe(_ name: String, _ value: Int) {
        trace.observations[name] = value
    }

    /// Records a remark about the run (shown in counterexamples).
    public func note(_ text: String) {
        trace.notes.append(text)
    }

    /// The trace so far plus a read about to happen, for the chooser's consistency checks.
    func traceWithPendingRead(of location: Int, value: Int, ordering: AccessOrdering) -> ThreadTrace {
        var pending = trace
        pending.events.append(TraceEvent(operation: .read(location: location, value: value, ordering: ordering)))
        return pending
    }

    private func append(_ operation: TraceEvent.Operation, _ address: [Int], _ data: [Int]) {
        let control = Array(Set(controlDependencies.joined())).sorted()
        trace.events.append(
            TraceEvent(
                operation: operation, addressDependencies: address, dataDependencies: data,
                controlDependencies: control, origin: operations.joined(separator: " > ")))
    }
}
