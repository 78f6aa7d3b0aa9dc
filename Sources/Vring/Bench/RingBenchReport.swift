/// Which configuration a measurement belongs to.
public struct RingBenchKey: Hashable, Sendable {
    public let pattern: RingExchangeConfig.Pattern
    public let barriers: RingBenchBarriers
}

/// One configuration's slices summed over all rounds.
public struct RingBenchMeasurement: Sendable {
    public let key: RingBenchKey
    public private(set) var buffers = 0
    public private(set) var wallNanoseconds: UInt64 = 0
    public private(set) var cpuNanoseconds: UInt64 = 0
    public private(set) var slices = 0
    /// Slices that reported a failure (lost, duplicated or corrupted buffers, or a stall).
    public private(set) var failedSlices = 0
    public private(set) var timeoutsWithWorkPending = 0
    public private(set) var firstFailure: String?
    /// Buffers per second of each slice, in run order: their spread shows how noisy the run was.
    public private(set) var sliceRates: [Double] = []

    init(key: RingBenchKey) { self.key = key }

    mutating func add(_ report: RingExchangeReport) {
        buffers += report.buffersCompleted
        wallNanoseconds += report.wallNanoseconds
        cpuNanoseconds += report.cpuNanoseconds
        slices += 1
        sliceRates.append(report.wallNanoseconds == 0 ? 0 : Double(report.buffersCompleted) * 1e9 / Double(report.wallNanoseconds))
        timeoutsWithWorkPending += report.timeoutsWithWorkPending
        if !report.succeeded {
            failedSlices += 1
            firstFailure = firstFailure ?? report.failures.first ?? "buffers missing"
        }
    }

    public var buffersPerSecond: Double {
        wallNanoseconds == 0 ? 0 : Double(buffers) * 1e9 / Double(wallNanoseconds)
    }

    /// (fastest - slowest slice) / mean, as a fraction; 0 with fewer than two slices.
    public var sliceSpread: Double {
        guard sliceRates.count > 1, let low = sliceRates.min(), let high = sliceRates.max() else { return 0 }
        let mean = sliceRates.reduce(0, +) / Double(sliceRates.count)
        return mean > 0 ? (high - low) / mean : 0
    }

    /// CPU time the two ring threads got as a fraction of two whole CPUs over the wall time.
    /// Both threads mostly spin, so a value well below 1 means other work took CPUs away.
    public var cpuShare: Double {
        wallNanoseconds == 0 ? 0 : Double(cpuNanoseconds) / (2 * Double(wallNanoseconds))
    }

    /// CPU time of both threads per buffer.
    public var cpuNanosecondsPerBuffer: Double {
        buffers == 0 ? 0 : Double(cpuNanoseconds) / Double(buffers)
    }
}

/// The benchmark's result; `render()` makes the table the CLI prints.
public struct RingBenchReport: Sendable {
    public let options: RingBenchOptions
    public let measurements: [RingBenchMeasurement]
    /// Single-thread cost of each fence primitive (empty when skipped).
    public let fenceCosts: [FenceCost]

    public func measurement(_ pattern: RingExchangeConfig.Pattern, _ barriers: RingBenchBarriers) -> RingBenchMeasurement? {
        measurements.first { $0.key == RingBenchKey(pattern: pattern, barriers: barriers) }
    }

    /// Strong over weak for one pattern: (throughput ratio, CPU-per-buffer ratio).
    public func strongOverWeak(_ pattern: RingExchangeConfig.Pattern) -> (throughput: Double, cpuPerBuffer: Double)? {
        guard let strong = measurement(pattern, .strong), let weak = measurement(pattern, .weak),
              weak.buffersPerSecond > 0, weak.cpuNanosecondsPerBuffer > 0 else { return nil }
        return (strong.buffersPerSecond / weak.buffersPerSecond,
                strong.cpuNanosecondsPerBuffer / weak.cpuNanosecondsPerBuffer)
    }

    /// The smallest CPU share of any configuration: below about 0.8 the machine was busy.
    public var lowestCPUShare: Double { measurements.map(\.cpuShare).min() ?? 0 }

    /// True when every safe (weak or strong) slice passed.
    public var safeRunsSucceeded: Bool {
        measurements.allSatisfy { $0.key.barriers == .unsafeNone || $0.failedSlices == 0 }
    }
}

