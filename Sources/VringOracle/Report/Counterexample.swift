import Vring

/// An allowed execution of a ring scenario that breaks the scenario's property, with the
/// fences to blame.
public struct Counterexample: Sendable {
    public let scenario: String
    /// What went wrong, in the scenario's words.
    public let violation: String
    public let configuration: RingConfiguration
    public let execution: Execution
    /// Missing or too weak fences, by site; empty when no single fence change forbids it.
    public let blame: [FenceBlame]

    /// The readable report: violation, blamed fences, then every event with its reads-from
    /// choice and the coherence order where it matters.
    public var text: String {
        var lines = ["scenario \(scenario) fails: \(violation)"]
        lines.append(
            "configuration: peer \(configuration.peer.rawValue), weak_barriers \(configuration.weakBarriers), "
                + configuration.fences.summary)
        if blame.isEmpty {
            lines.append("no single fence change forbids this execution")
        } else {
            for item in blame { lines.append("missing or too weak: \(item.site.rawValue): \(item.explanation)") }
        }
        lines.append(execution.renderText())
        return lines.joined(separator: "\n")
    }

    /// Graphviz DOT of the execution with the blamed fences in red.
    public func renderDot() -> String {
        execution.renderDot(title: "\(scenario): \(violation)", highlighted: Set(blame.map(\.site)))
    }
}
