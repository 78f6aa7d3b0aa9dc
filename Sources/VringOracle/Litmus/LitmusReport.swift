import Vring

/// The outcome of running one litmus file: decided, refused (outside the subset) or invalid.
public enum LitmusReport: Sendable {
    case decided(LitmusResult)
    case refused(name: String, reason: String)
    case invalid(name: String, message: String)

    /// Parses and decides `source`; `fallbackName` (the file name) names a test whose header
    /// cannot be read.
    public static func run(source: String, fallbackName: String, peer: Peer = .smpCPU) -> LitmusReport {
        let name = LitmusParser.testName(in: source) ?? fallbackName
        do {
            return .decided(try LitmusChecker.check(source: source, peer: peer))
        } catch {
            switch error {
            case .refused(let reason): return .refused(name: name, reason: reason)
            case .syntax: return .invalid(name: name, message: error.description)
            }
        }
    }

    /// One line: herd7's `Observation NAME Sometimes 1 3`, or `Refused NAME: uses spin_lock`,
    /// or `Invalid NAME: line 7: expected ';'`.
    public var line: String {
        switch self {
        case .decided(let result): return result.observationLine
        case .refused(let name, let reason): return "Refused \(name): \(reason)"
        case .invalid(let name, let message): return "Invalid \(name): \(message)"
        }
    }
}
