import Foundation
import VringMigrateClang
import VringMigrateCore

/// One `lint` run over every tree given: the findings still standing, the ones set aside, and
/// what the summary line counts.
struct LintRun {
    var findings: [Finding] = []
    var suppressed = 0
    var baselined = 0
    var diagnostics: [RunDiagnostic] = []
    var statistics = ScanStatistics()
    var sites = 0
    /// Absolute path reporters resolve relative paths against (SARIF `SRCROOT`).
    var sourceRoot: String?
    /// `--oracle`: one verdict line per configuration checked.
    var oracleLines: [String] = []

    static func lint(_ arguments: ParsedArguments, options: LintOptions) throws -> LintRun {
        let analyzer = Analyzer(settings: try TreeOptions.settings(arguments), jobs: try TreeOptions.jobs(arguments))
        let roots = arguments.positionals
        var run = LintRun()
        for root in roots {
            let linter = Linter(rulesTable: try RulesOptions.load(arguments, tree: root), operations: options.operations)
            let (analysis, statistics, problems) = TreeOptions.analyze(root, analyzer: analyzer)
            var result = linter.lint(analysis)
            result.diagnostics = problems + result.diagnostics
            if options.oracle {
                let checked = LintOracle.check(analysis.sites, findings: result.findings)
                result.findings = checked.findings
                run.oracleLines += checked.reports.map { report in
                    report.passed ? "\(root): \(report.summaryLine); every scenario verified" : "\(root): \(report.summaryLine)"
                }
            }
            if roots.count > 1 { result = result.relocated(under: root.hasSuffix("/") ? String(root.dropLast()) : root) }
            run.add(result, statistics, sites: analysis.sites.count)
        }
        run.sourceRoot = roots.count == 1 ? treeDirectory(roots[0]) : FileManager.default.currentDirectoryPath
        return run
    }

    private mutating func add(_ result: LintResult, _ tree: ScanStatistics, sites count: Int) {
        findings += result.findings
        suppressed += result.suppressed.count
        diagnostics += result.diagnostics
        sites += count
        statistics.add(tree)
    }

    /// Sets `accepted` aside (a baseline accepts them).
    mutating func accept(_ accepted: [Finding]) {
        let set = Set(accepted)
        findings.removeAll { set.contains($0) }
        baselined += accepted.count
    }

    /// The tree's absolute directory (a single file's directory when a file was given).
    static func treeDirectory(_ root: String) -> String {
        let absolute = root.hasPrefix("/") ? root : FileManager.default.currentDirectoryPath + "/" + root
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: absolute, isDirectory: &isDirectory)
        let directory = exists && !isDirectory.boolValue ? (absolute as NSString).deletingLastPathComponent : absolute
        return (directory as NSString).standardizingPath
    }

    /// "2 findings (2 errors, 0 warnings, 0 notes), 0 suppressed, 0 baselined; 21 sites, …".
    var summaryLine: String {
        let counts = [Severity.error, .warning, .note].map { severity -> String in
            let count = findings.filter { $0.severity == severity }.count
            return "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        return "\(findings.count) finding\(findings.count == 1 ? "" : "s") (\(counts.joined(separator: ", "))), "
            + "\(suppressed) suppressed, \(baselined) baselined; \(sites) sites, \(statistics.filesRead) files read, "
            + "\(statistics.filesParsed) parsed\(SiteReporter.Summary.sharing(statistics.filesParsedWithSharedHeader)), "
            + "\(statistics.filesFailedToParse) failed to parse; mode \(statistics.mode.rawValue)"
    }
}
