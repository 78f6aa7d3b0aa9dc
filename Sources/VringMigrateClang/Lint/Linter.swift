import VringMigrateCore

/// Runs every lint rule over one analysed tree and returns the findings in report order, with
/// suppressed findings set aside and the run problems that make the result incomplete.
///
/// Deterministic: the same tree gives the same findings in the same order with the same
/// fingerprints, whatever the number of parse workers.
public struct Linter: Sendable {
    /// Every rule, in the order the README lists them.
    public static let allRules: [any LintRule] = [FenceKindRule(), CallConformanceRule(), BarrierUseRule(), BarrierStrengthRule()]

    public let rulesTable: RulesTable
    public let operations: RingOperationTable
    public let rules: [any LintRule]

    public init(rulesTable: RulesTable, operations: RingOperationTable = .builtIn, rules: [any LintRule] = Linter.allRules) {
        self.rulesTable = rulesTable
        self.operations = operations
        self.rules = rules
    }

    public func lint(_ analysis: TreeAnalysis) -> LintResult {
        let context = LintContext(analysis: analysis, rulesTable: rulesTable, operations: operations)
        let found = Self.numberRepeatedFingerprints(rules.flatMap { $0.check(context) }.sorted(by: Self.order))
        var suppressions: [String: Suppressions] = [:]
        var result = LintResult(diagnostics: Self.unconfirmedSites(analysis))
        for finding in found {
            if suppressions[finding.path] == nil, let file = analysis.files[finding.path] {
                suppressions[finding.path] = Suppressions(file: file)
            }
            if suppressions[finding.path]?.suppresses(finding) ?? false {
                result.suppressed.append(finding)
            } else {
                result.findings.append(finding)
            }
        }
        return result
    }

    /// Report order, then fingerprint, so ties never depend on the order rules ran in.
    static func order(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if Finding.reportOrder(lhs, rhs) { return true }
        if Finding.reportOrder(rhs, lhs) { return false }
        return (lhs.fingerprint, lhs.range.start) < (rhs.fingerprint, rhs.range.start)
    }

    /// Two findings with the same fingerprint (the same code twice in one function) get `:2`,
    /// `:3`… in report order, so a baseline entry accepts exactly one of them.
    static func numberRepeatedFingerprints(_ findings: [Finding]) -> [Finding] {
        var seen: [String: Int] = [:]
        return findings.map { finding in
            var numbered = finding
            let count = seen[finding.fingerprint, default: 0] + 1
            seen[finding.fingerprint] = count
            if count > 1 { numbered.fingerprint += ":\(count)" }
            return numbered
        }
    }

    /// A call or helper use only the token scan saw may sit where the preprocessor does something
    /// the lint cannot see (a macro that drops or rewrites it), so its verdict is incomplete: a run
    /// error. Definitions and declarations are read from their own bytes, and a bare reference (a
    /// name passed to EXPORT_SYMBOL) passes nothing, so neither can hide a site.
    static func unconfirmedSites(_ analysis: TreeAnalysis) -> [RunDiagnostic] {
        analysis.sites.filter { $0.foundBy == .tokens && ($0.kind == .call || $0.kind == .barrierUse) }.map { site in
            RunDiagnostic(.error, path: site.path,
                "line \(site.line): \(site.kind.rawValue) of \(site.name) not confirmed by the parse (\(site.note ?? "no reason recorded")); the lint cannot vouch for it")
        }
    }
}

/// What one lint run found.
public struct LintResult: Sendable {
    /// In report order; suppressed findings are not here.
    public var findings: [Finding] = []
    /// Findings silenced by a `vringmigrate: ignore` comment.
    public var suppressed: [Finding] = []
    /// Problems of the run itself (exit code 2).
    public var diagnostics: [RunDiagnostic] = []
}

extension LintResult {
    /// The same result with every path under `prefix` (several trees in one report), and
    /// fingerprints that include it so equal findings of two trees stay distinct in a baseline.
    public func relocated(under prefix: String) -> LintResult {
        func move(_ path: String) -> String { prefix + "/" + path }
        func relocate(_ finding: Finding) -> Finding {
            var moved = finding
            moved.path = move(finding.path)
            moved.fix = finding.fix.map { SourceEdit(path: move($0.path), range: $0.range, replacement: $0.replacement) }
            moved.fingerprint = Fingerprint.of([prefix, finding.fingerprint])
            return moved
        }
        return LintResult(
            findings: findings.map(relocate), suppressed: suppressed.map(relocate),
            diagnostics: diagnostics.map { RunDiagnostic($0.level, path: move($0.path), $0.message) })
    }
}
