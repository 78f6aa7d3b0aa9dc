import Vring

/// The result of checking one ring scenario under one configuration.
public struct ScenarioVerdict: Sendable {
    public let scenario: String
    public let summary: String
    public let passed: Bool
    public let statistics: ExplorationStatistics
    /// The first allowed execution breaking the property, when the scenario failed.
    public let counterexample: Counterexample?
    /// Set when the exploration itself could not run (the verdict is then a failure).
    public let explorationError: String?

    /// Candidate executions checked against the model (up to the counterexample, if any).
    public var executionsExplored: Int { statistics.candidates }

    /// `publish: pass (2 executions explored, 12 pruned, 2054 thread runs)` or
    /// `publish: FAIL (...) - what went wrong`.
    public var line: String {
        let outcome = passed ? "pass" : "FAIL"
        var line =
            "\(scenario): \(outcome) (\(executionsExplored) executions explored, \(statistics.pruned) pruned, "
            + "\(statistics.threadRuns) thread runs)"
        if let counterexample { line += " - " + counterexample.violation }
        if let explorationError { line += " - " + explorationError }
        return line
    }
}

/// Checks every ring scenario with exactly the given fences.
///
/// - Parameters:
///   - peer: what the ring talks to: SMP fences order against `.smpCPU` only.
///   - weakBarriers: the queue's flag, choosing each helper's weak or strong arm.
///   - fences: what each helper expands to, and per-site helper changes.
public func checkRing(
    peer: Peer, weakBarriers: Bool, fences: FenceConfiguration = .correct
) -> [ScenarioVerdict] {
    RingChecker.check(RingConfiguration(peer: peer, weakBarriers: weakBarriers, fences: fences))
}

public enum RingChecker {
    public static func check(
        _ configuration: RingConfiguration, scenarios: [RingScenario] = RingScenario.all
    ) -> [ScenarioVerdict] {
        scenarios.map { check($0, configuration) }
    }

    public static func check(_ scenario: RingScenario, _ configuration: RingConfiguration) -> ScenarioVerdict {
        var failure: (Execution, String)?
        let statistics: ExplorationStatistics
        do {
            statistics = try Explorer(program: scenario.program(configuration)).explore { execution in
                let outcome = RingOutcome(driver: execution.traces[0], device: execution.traces[1])
                guard let violation = scenario.violation(outcome) else { return true }
                failure = (execution, violation)
                return false
            }
        } catch {
            return ScenarioVerdict(
                scenario: scenario.name, summary: scenario.summary, passed: false,
                statistics: ExplorationStatistics(), counterexample: nil, explorationError: error.description)
        }
        let counterexample = failure.map { execution, violation in
            Counterexample(
                scenario: scenario.name, violation: violation, configuration: configuration,
                execution: execution, blame: FenceBlame.blame(execution))
        }
        return ScenarioVerdict(
            scenario: scenario.name, summary: scenario.summary, passed: failure == nil,
            statistics: statistics, counterexample: counterexample, explorationError: nil)
    }
}
