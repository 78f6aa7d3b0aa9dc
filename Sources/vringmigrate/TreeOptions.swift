import Foundation
import VringMigrateClang
import VringMigrateCore

/// Flags every tree-reading subcommand shares, and the run over each tree.
enum TreeOptions {
    static let flags = [
        FlagSpec(name: "compile-commands", value: "FILE", help: "Parse with the flags of this compile_commands.json."),
        FlagSpec(name: "cflag", value: "FLAG", repeatable: true, help: "Extra clang flag for every parse (repeatable)."),
        FlagSpec(name: "jobs", value: "N", help: "Parallel workers (default: every core)."),
        FlagSpec(name: "no-shared-header", help: "Parse every kernel source from its own headers, without the shared precompiled header."),
    ]

    static func settings(_ arguments: ParsedArguments) throws -> ParseSettings {
        let extra = arguments.all("cflag")
        guard let path = arguments.value("compile-commands") else {
            return ParseSettings(extraFlags: extra, sharesKernelHeaders: !arguments.has("no-shared-header"))
        }
        do {
            return try ParseSettings(compileCommands: path, extraFlags: extra)
        } catch {
            throw UsageError(message: "\(error)")
        }
    }

    static func jobs(_ arguments: ParsedArguments) throws -> Int {
        guard let text = arguments.value("jobs") else { return ProcessInfo.processInfo.activeProcessorCount }
        guard let jobs = Int(text), jobs > 0 else { throw UsageError(message: "--jobs takes a positive number, not '\(text)'") }
        return jobs
    }

    /// Analyses one tree, showing progress on a terminal.
    static func analyze(_ root: String, analyzer: Analyzer) -> (TreeAnalysis, ScanStatistics, [RunDiagnostic]) {
        let result = analyzer.analyze(root: root) { progress in
            Output.progress("\(root): \(progress.filesRead)/\(progress.filesTotal) files read, \(progress.filesParsed) parsed")
        }
        Output.endProgress()
        return (result.analysis, result.statistics, result.diagnostics)
    }

    static func report(_ diagnostics: [RunDiagnostic]) {
        for diagnostic in diagnostics { Output.error("vringmigrate: \(diagnostic)") }
    }
}
