import VringMigrateClang
import VringMigrateCore

enum ScanCommand {
    static let spec = CommandSpec(
        name: "scan",
        summary: "Find every vring_new_virtqueue call, declaration, definition and reference, and every barrier helper definition and use.",
        usage: "vringmigrate scan <tree>... [--format text|json] [--compile-commands FILE] [--cflag FLAG]...",
        flags: [FlagSpec(name: "format", value: "text|json", help: "Output format (default text).")] + TreeOptions.flags,
        examples: ["vringmigrate scan Fixtures/trees/pre-3.3", "vringmigrate scan --format json /usr/src/linux > sites.jsonl"])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        guard !arguments.positionals.isEmpty else { throw UsageError(message: "scan needs at least one tree") }
        let format = arguments.value("format") ?? "text"
        guard ["text", "json"].contains(format) else {
            throw UsageError(message: "unknown format '\(format)' (text or json)")
        }
        let analyzer = Analyzer(settings: try TreeOptions.settings(arguments), jobs: try TreeOptions.jobs(arguments))
        var sites: [Site] = []
        var diagnostics: [RunDiagnostic] = []
        var totals = ScanStatistics()
        for root in arguments.positionals {
            let (analysis, statistics, problems) = TreeOptions.analyze(root, analyzer: analyzer)
            sites += analysis.sites
            diagnostics += problems
            totals.add(statistics)
        }
        let summary = SiteReporter.Summary(
            sites: sites.count, confirmed: totals.confirmed(sites), filesRead: totals.filesRead,
            filesParsed: totals.filesParsed, filesFailed: totals.filesFailedToParse, mode: totals.mode.rawValue,
            filesParsedWithSharedHeader: totals.filesParsedWithSharedHeader)
        Output.write(format == "json" ? SiteReporter.jsonLines(sites, summary: summary) : SiteReporter.text(sites))
        TreeOptions.report(diagnostics)
        Output.error("vringmigrate scan: " + summary.line)
        return diagnostics.contains { $0.level == .error } ? .errors : .clean
    }
}
