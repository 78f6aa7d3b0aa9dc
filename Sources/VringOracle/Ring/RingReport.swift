import Vring

/// Every scenario's verdict under one configuration, rendered for a command line.
public struct RingReport: Sendable {
    public let configuration: RingConfiguration
    public let verdicts: [ScenarioVerdict]

    public init(configuration: RingConfiguration, verdicts: [ScenarioVerdict]) {
        self.configuration = configuration
        self.verdicts = verdicts
    }

    /// Runs every scenario under `configuration`.
    public init(checking configuration: RingConfiguration) {
        self.init(configuration: configuration, verdicts: RingChecker.check(configuration))
    }

    public var passed: Bool { verdicts.allSatisfy(\.passed) }

    public var executionsExplored: Int { verdicts.map(\.executionsExplored).reduce(0, +) }

    /// `ring oracle: peer device, weak_barriers true: 1 of 7 scenarios failed, 41 executions explored`
    public var summaryLine: String {
        let failed = verdicts.filter { !$0.passed }.count
        let outcome =
            failed == 0 ? "all \(verdicts.count) scenarios passed" : "\(failed) of \(verdicts.count) scenarios failed"
        return "ring oracle: peer \(configuration.peer.rawValue), weak_barriers \(configuration.weakBarriers), "
            + "\(configuration.fences.summary): \(outcome), \(executionsExplored) executions explored"
    }

    /// One line per scenario, then each counterexample in full.
    public var text: String {
        let lines = verdicts.map(\.line) + verdicts.compactMap { $0.counterexample.map { "\n" + $0.text } }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every counterexample as a DOT graph (several graphs in one file, as `dot` accepts);
    /// nil when every scenario passed.
    public var dot: String? {
        let graphs = verdicts.compactMap { $0.counterexample?.renderDot() }
        return graphs.isEmpty ? nil : graphs.joined(separator: "\n")
    }
}

extension RingChecker {
    /// The check a lint needs for barrier helpers found in a C tree: the weak arm against its
    /// SMP-CPU peer and the strong arm against a device, the two pairings a correct
    /// `weak_barriers` tree must survive.
    public static func checkHelpers(_ fences: FenceConfiguration) -> [RingReport] {
        [
            RingReport(checking: RingConfiguration(peer: .smpCPU, weakBarriers: true, fences: fences)),
            RingReport(checking: RingConfiguration(peer: .device, weakBarriers: false, fences: fences)),
        ]
    }
}
