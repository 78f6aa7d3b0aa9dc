/// SARIF 2.1.0 for code-scanning services: one run, every rule that ran (even those with no
/// results), results with 1-based code-point regions relative to `SRCROOT`, stable fingerprints
/// and fixes as byte-range replacements.
///
/// Columns are Unicode code points and the run says so (`columnKind: unicodeCodePoints`); byte
/// offsets appear only in fixes, where SARIF's `deletedRegion.byteOffset` asks for them.
public struct SARIFReporter: Reporter {
    public static let schemaURI = "https://json.schemastore.org/sarif-2.1.0.json"
    public static let fingerprintKey = "vringmigrateFingerprint/v1"
    static let baseID = "SRCROOT"

    public var tool: ToolInfo
    /// Absolute path of the scanned tree; without it `SRCROOT` carries only a description.
    public var sourceRoot: String?

    public init(tool: ToolInfo, sourceRoot: String? = nil) {
        self.tool = tool
        self.sourceRoot = sourceRoot
    }

    public func report(findings: [Finding], rules: [RuleMetadata]) -> String {
        let ordered = findings.sorted(by: Finding.deterministicOrder)
        let allRules = Self.ruleList(rules, findings: ordered)
        let indexByID = Dictionary(uniqueKeysWithValues: allRules.enumerated().map { ($0.element.id, $0.offset) })
        let run: [String: Any] = [
            "tool": ["driver": driver(rules: allRules)],
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": [Self.baseID: baseLocation()],
            "results": ordered.map { result(for: $0, ruleIndex: indexByID[$0.ruleID] ?? 0) },
        ]
        let log: [String: Any] = ["$schema": Self.schemaURI, "version": "2.1.0", "runs": [run]]
        return ReportJSON.serialize(log, pretty: true) + "\n"
    }

    /// The rules passed in, one per id and sorted by id so output does not depend on the
    /// caller's order; a finding of a rule nobody described gets a minimal entry, so every
    /// `ruleIndex` is valid.
    static func ruleList(_ rules: [RuleMetadata], findings: [Finding]) -> [RuleMetadata] {
        var byID: [String: RuleMetadata] = [:]
        for rule in rules where byID[rule.id] == nil { byID[rule.id] = rule }
        for finding in findings where byID[finding.ruleID] == nil {
            byID[finding.ruleID] = RuleMetadata(id: finding.ruleID, summary: finding.ruleID,
                                                rationale: finding.ruleID, defaultSeverity: finding.severity)
        }
        return byID.values.sorted { $0.id < $1.id }
    }

    private func driver(rules: [RuleMetadata]) -> [String: Any] {
        var driver: [String: Any] = [
            "name": tool.name,
            "version": tool.version,
            "rules": rules.map { rule -> [String: Any] in
                [
                    "id": rule.id,
                    "name": Self.pascalCase(rule.id),
                    "shortDescription": ["text": rule.summary],
                    "fullDescription": ["text": rule.rationale],
                    "defaultConfiguration": ["level": rule.defaultSeverity.rawValue],
                ]
            },
        ]
        if let uri = tool.informationURI { driver["informationUri"] = uri }
        return driver
    }

    private func baseLocation() -> [String: Any] {
        var location: [String: Any] = ["description": ["text": "The root of the scanned source tree."]]
        if let sourceRoot { location["uri"] = SARIFURI.directoryURI(forAbsolutePath: sourceRoot) }
        return location
    }

    /// Severity raw values are SARIF's level names (`error`, `warning`, `note`).
    private func result(for finding: Finding, ruleIndex: Int) -> [String: Any] {
        let text = ([finding.message] + finding.notes).joined(separator: "\n")
        var result: [String: Any] = [
            "ruleId": finding.ruleID,
            "ruleIndex": ruleIndex,
            "level": finding.severity.rawValue,
            "message": ["text": text],
            "locations": [["physicalLocation": [
                "artifactLocation": Self.artifactLocation(finding.path),
                "region": [
                    "startLine": finding.start.line,
                    "startColumn": finding.start.codePointColumn,
                    "endLine": finding.end.line,
                    "endColumn": finding.end.codePointColumn,
                ],
            ]]],
            "partialFingerprints": [Self.fingerprintKey: finding.fingerprint],
        ]
        if !finding.fix.isEmpty { result["fixes"] = [SARIFFixes.fix(for: finding)] }
        return result
    }

    static func artifactLocation(_ path: String) -> [String: Any] {
        ["uri": SARIFURI.reference(forRelativePath: path), "uriBaseId": baseID]
    }

    /// `vring-new-virtqueue-args` → `VringNewVirtqueueArgs`, SARIF's "friendly name".
    static func pascalCase(_ id: String) -> String {
        id.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .map { $0.prefix(1).uppercased() + $0.dropFirst() }
            .joined()
    }
}
