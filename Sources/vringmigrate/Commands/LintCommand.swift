import Foundation
import VringMigrateClang
import VringMigrateCore

/// `vringmigrate lint`: runs the lint rules over each tree and reports in the format a CI system
/// reads. Exit 0 when nothing at or above `--fail-on` remains, 1 when something does, 2 when the
/// run had errors (they beat findings), 64 for usage.
enum LintCommand {
    static let spec = CommandSpec(
        name: "lint",
        summary: "Check barrier helpers, constructor calls and barrier strength; report as text, JSON, SARIF or GitHub annotations.",
        usage: "vringmigrate lint <tree>... [--format text|json|sarif|github] [--fail-on error|warning|note] [--rules FILE] "
            + "[--operations FILE] [--baseline FILE] [--write-baseline FILE] [--summary FILE] [--compile-commands FILE] [--cflag FLAG]...",
        flags: [
            FlagSpec(name: "format", value: "FORMAT", help: "text (default), json, sarif or github."),
            FlagSpec(name: "fail-on", value: "SEVERITY", help: "error (default), warning or note: the lowest severity that exits 1."),
            RulesOptions.flag,
            FlagSpec(name: "operations", value: "FILE", help: "Extra function-to-operation entries for barrier-strength (JSON)."),
            FlagSpec(name: "baseline", value: "FILE", help: "Accept the findings recorded in FILE."),
            FlagSpec(name: "write-baseline", value: "FILE", help: "Record every current finding in FILE and accept them."),
            FlagSpec(name: "oracle", value: nil, help: "Check the tree's helper expansions with the ring oracle; attach counterexamples."),
            FlagSpec(name: "summary", value: "FILE", help: "Append every finding as Markdown to FILE (e.g. $GITHUB_STEP_SUMMARY)."),
        ] + TreeOptions.flags,
        examples: [
            "vringmigrate lint Fixtures/trees/post-3.3-buggy",
            "vringmigrate lint --format sarif . > vringmigrate.sarif",
            "vringmigrate lint --format github --summary \"$GITHUB_STEP_SUMMARY\" .",
            "vringmigrate lint --write-baseline .vringmigrate-baseline.json . && vringmigrate lint --baseline .vringmigrate-baseline.json .",
        ])

    static let tool = ToolInfo(name: "vringmigrate", version: version)

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let options = try LintOptions(arguments)
        var run = try LintRun.lint(arguments, options: options)
        if let path = options.writeBaseline {
            guard write(LintBaseline(findings: run.findings).render(), to: path, append: false) else { return .errors }
            run.accept(run.findings)
        } else if let baseline = options.baseline {
            run.accept(baseline.partition(run.findings).accepted)
        }
        let rules = Linter.allRules.map(\.metadata)
        Output.write(options.format.makeReporter(tool: tool, sourceRoot: run.sourceRoot).report(findings: run.findings, rules: rules))
        if let path = options.summary,
            !write(GitHubReporter(tool: tool).summaryMarkdown(findings: run.findings, rules: rules), to: path, append: true) {
            return .errors
        }
        TreeOptions.report(run.diagnostics)
        for line in run.oracleLines { Output.error("vringmigrate lint: " + line) }
        Output.error("vringmigrate lint: " + run.summaryLine)
        if run.diagnostics.contains(where: { $0.level == .error }) { return .errors }
        return run.findings.contains { $0.severity >= options.failOn } ? .findings : .clean
    }

    /// Writes (or appends) `text`; a failure is told on stderr and makes the run exit 2.
    static func write(_ text: String, to path: String, append: Bool) -> Bool {
        let data = Data(text.utf8)
        if append, let handle = FileHandle(forWritingAtPath: path) {
            defer { try? handle.close() }
            handle.seekToEndOfFile()
            handle.write(data)
            return true
        }
        guard FileManager.default.createFile(atPath: path, contents: data) else {
            Output.error("vringmigrate: cannot write \(path)")
            return false
        }
        return true
    }
}

/// The lint flags, checked before any tree is read so a typo costs nothing.
struct LintOptions {
    var format: ReportFormat
    var failOn: Severity
    var operations: RingOperationTable
    var baseline: LintBaseline?
    var writeBaseline: String?
    var summary: String?
    var oracle = false

    init(_ arguments: ParsedArguments) throws {
        guard !arguments.positionals.isEmpty else { throw UsageError(message: "lint needs at least one tree") }
        let formatName = arguments.value("format") ?? "text"
        guard let format = formatName == "json" ? .jsonl : ReportFormat(rawValue: formatName) else {
            throw UsageError(message: "unknown format '\(formatName)' (text, json, sarif or github)")
        }
        let failOnName = arguments.value("fail-on") ?? "error"
        guard let failOn = Severity(rawValue: failOnName) else {
            throw UsageError(message: "unknown severity '\(failOnName)' for --fail-on (error, warning or note)")
        }
        self.format = format
        self.failOn = failOn
        oracle = arguments.has("oracle")
        operations = .builtIn
        if let path = arguments.value("operations") {
            do { operations = operations.extended(with: try RingOperationTable.load(path: path)) } catch { throw UsageError(message: "\(error)") }
        }
        if let path = arguments.value("baseline") { baseline = try Self.loadBaseline(path) }
        if arguments.value("baseline") != nil && arguments.value("write-baseline") != nil {
            throw UsageError(message: "--baseline and --write-baseline do not go together")
        }
        writeBaseline = arguments.value("write-baseline")
        summary = arguments.value("summary")
    }

    static func loadBaseline(_ path: String) throws -> LintBaseline {
        guard let data = FileManager.default.contents(atPath: path) else { throw UsageError(message: "cannot read baseline \(path)") }
        do { return try LintBaseline(json: Array(data)) } catch { throw UsageError(message: "\(path): \(error)") }
    }
}
