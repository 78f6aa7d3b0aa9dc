import VringMigrateCore

/// One lint rule: it describes itself (id, summary, rationale, default severity) and carries C
/// examples that must and must not trigger it, so its own description runs as its tests.
///
/// A rule only reads the analysis and returns findings; it never prints and never decides the exit
/// code. Suppression comments and baselines are applied by `Linter`, not by each rule.
public protocol LintRule: Sendable {
    /// Kebab-case id, as in `[fence-kind]` and `/* vringmigrate: ignore fence-kind */`.
    var id: String { get }
    /// One line: what the rule checks.
    var summary: String { get }
    /// Why it matters, for SARIF's full description and the README.
    var rationale: String { get }
    var defaultSeverity: Severity { get }
    /// Each must give exactly one finding of this rule at each `↓` marker, and no other.
    var triggeringExamples: [LintExample] { get }
    /// Each must give no finding of this rule.
    var nonTriggeringExamples: [LintExample] { get }

    func check(_ context: LintContext) -> [Finding]
}

extension LintRule {
    /// What reporters need to describe the rule (SARIF `tool.driver.rules`).
    public var metadata: RuleMetadata {
        RuleMetadata(id: id, summary: summary, rationale: rationale, defaultSeverity: defaultSeverity)
    }
}

/// A C example for a rule: one file placed at `path` in a scratch tree whose `include/` is copied
/// from the fixture tree `headers` (its stub kernel headers), so the example parses like real code.
///
/// `↓` (U+2193) marks where a finding must start; it is removed before the file is written.
public struct LintExample: Sendable, CustomStringConvertible {
    public static let marker: Character = "↓"

    public var code: String
    public var path: String
    public var headers: String

    public init(_ code: String, path: String = "drivers/virtio/virtio_ring.c", headers: String = "post-3.3") {
        self.code = code
        self.path = path
        self.headers = headers
    }

    /// The C text without markers, and the byte offset of each marker in that text.
    public var source: (text: String, markers: [Int]) {
        var text = ""
        var markers: [Int] = []
        for character in code {
            if character == Self.marker {
                markers.append(text.utf8.count)
            } else {
                text.append(character)
            }
        }
        return (text, markers)
    }

    public var description: String { "\(path) (headers of \(headers)):\n\(code)" }
}
