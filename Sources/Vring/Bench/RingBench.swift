/// The ring benchmark behind `vringmigrate ring-bench`: how much the per-queue barrier choice
/// costs on this machine, for latency (request-response) and throughput (streaming).
///
/// Each configuration (pattern × barrier choice) runs for a short slice in every round, and the
/// order of the barrier choices rotates from round to round, so drift in machine load (other
/// builds on a 2-core box) spreads over all configurations instead of biasing one.

/// The barriers a benchmark run uses.
public enum RingBenchBarriers: String, CaseIterable, Sendable {
    /// SMP fences (`weak_barriers = true`): what virtio_pci passes.
    case weak
    /// Mandatory fences (`weak_barriers = false`): what rpmsg passes.
    case strong
    /// UNSAFE: no fences at all; shows the floor. Results may be wrong or runs may fail.
    case unsafeNone = "none"

    /// The name tables print: the unsafe choice says so.
    public var label: String { self == .unsafeNone ? "none (unsafe)" : rawValue }
}

public struct RingBenchOptions: Hashable, Sendable {
    public var ringSize = 256
    public var features = VringFeatures(eventIdx: true, indirect: false)
    public var patterns = RingExchangeConfig.Pattern.allCases
    public var barriers = RingBenchBarriers.allCases
    public var rounds = 3
    /// Length of one configuration's slice in one round.
    public var sliceNanoseconds: UInt64 = 300_000_000
    /// When set, each slice passes this many buffers instead of running for a fixed time.
    public var buffersPerSlice: Int?
    /// How long a thread polls before it sleeps: long enough that two running threads never
    /// sleep (the benchmark measures the ring, not futexes), short enough that a thread whose
    /// peer was descheduled gives its CPU back soon.
    public var spinNanoseconds: UInt64 = 200_000
    /// Iterations of the single-thread fence-cost loop per primitive; 0 skips it.
    public var fenceCostIterations = 2_000_000

    public init() {}

    func exchangeConfig(pattern: RingExchangeConfig.Pattern, barriers: RingBenchBarriers) -> RingExchangeConfig {
        var config = RingExchangeConfig()
        config.ringSize = ringSize
        config.features = features
        config.pattern = pattern
        config.weakBarriers = barriers != .strong
        config.spinNanoseconds = spinNanoseconds
        config.devicePublishBatch = pattern == .requestResponse ? 1 : 16
        if let buffersPerSlice {
            config.buffers = buffersPerSlice
        } else {
            config.buffers = .max
            config.durationNanoseconds = sliceNanoseconds
        }
        return config
    }
}

/// Runs every configuration `options.rounds` times, interleaved, and sums the slices.
public func runRingBench(_ options: RingBenchOptions) throws(RingExchangeError) -> RingBenchReport {
    var totals: [RingBenchKey: RingBenchMeasurement] = [:]
    for round in 0..<max(1, options.rounds) {
        for pattern in options.patterns {
            for barriers in rotated(options.barriers, by: round) {
                let key = RingBenchKey(pattern: pattern, barriers: barriers)
                let config = options.exchangeConfig(pattern: pattern, barriers: barriers)
                let report = try runSlice(config, barriers: barriers)
                totals[key, default: RingBenchMeasurement(key: key)].add(report)
            }
        }
    }
    let ordered = options.patterns.flatMap { pattern in
        options.barriers.compactMap { totals[RingBenchKey(pattern: pattern, barriers: $0)] }
    }
    let fenceCosts = options.fenceCostIterations > 0
        ? measureFenceCosts(iterations: options.fenceCostIterations) : []
    return RingBenchReport(options: options, measurements: ordered, fenceCosts: fenceCosts)
}

private func runSlice(_ config: RingExchangeConfig, barriers: RingBenchBarriers) throws(RingExchangeError) -> RingExchangeReport {
    switch barriers {
    case .weak, .strong: return try runRingExchange(config, fences: NativeFences())
    case .unsafeNone: return try runRingExchange(config, fences: UnsafeNoFences())
    }
}

private func rotated<T>(_ items: [T], by count: Int) -> [T] {
    guard !items.isEmpty else { return items }
    let shift = count % items.count
    return Array(items[shift...] + items[..<shift])
}
