/// Single-thread cost of each native fence: a steadier number than the two-thread runs, which
/// cache-line transfers and scheduling dominate.
public struct FenceCost: Hashable, Sendable {
    public let primitive: FencePrimitive
    public let nanosecondsPerFence: Double
}

/// Executes each primitive the queues use (the SMP and the mandatory arm of each kind)
/// `iterations` times in a tight loop and divides the elapsed time; the loop overhead is
/// included, so the compiler-barrier-only primitives show roughly the cost of an empty loop.
public func measureFenceCosts(iterations: Int = 2_000_000) -> [FenceCost] {
    let fences = NativeFences()
    let primitives = FenceKind.allCases.flatMap { [FencePrimitive.smp($0), .mandatory($0)] }
    return primitives.map { primitive in
        let start = HarnessClock.monotonicNanoseconds()
        for _ in 0..<iterations { fences.fence(primitive, at: .kickPublish) }
        let elapsed = HarnessClock.monotonicNanoseconds() - start
        return FenceCost(primitive: primitive, nanosecondsPerFence: Double(elapsed) / Double(max(iterations, 1)))
    }
}
