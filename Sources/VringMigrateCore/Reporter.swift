/// Who produced a report; SARIF's `tool.driver` and the GitHub summary heading show it.
public struct ToolInfo: Hashable, Sendable {
    public var name: String
    public var version: String
    /// Where users can read about the tool (SARIF `informationUri`), when there is such a page.
    public var informationURI: String?

    public init(name: String, version: String, informationURI: String? = nil) {
        self.name = name
        self.version = version
        self.informationURI = informationURI
    }
}

/// Turns findings into one output format. Reporters return the whole report as a string and
/// never print: the CLI decides where it goes (stdout, a file).
public protocol Reporter: Sendable {
    /// The report for `findings`; `rules` describes every rule that ran, even those that found
    /// nothing (SARIF lists them all). Output depends only on the inputs, never on their order
    /// or on the clock.
    func report(findings: [Finding], rules: [RuleMetadata]) -> String
}

/// The formats `--format` accepts; an unknown name is a usage error for the CLI, never a crash.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text
    case jsonl
    case sarif
    case github

    /// `sourceRoot` is the absolute path of the scanned tree, for SARIF's `SRCROOT`; other
    /// formats print paths relative to it and ignore it.
    public func makeReporter(tool: ToolInfo, sourceRoot: String? = nil) -> any Reporter {
        switch self {
        case .text: return TextReporter()
        case .jsonl: return JSONLinesReporter()
        case .sarif: return SARIFReporter(tool: tool, sourceRoot: sourceRoot)
        case .github: return GitHubReporter(tool: tool)
        }
    }

    /// "text, jsonl, sarif, github", for help and usage errors.
    public static var namesForHelp: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
