import VringMigrateCore

enum ApplyCommand {
    static let spec = CommandSpec(
        name: "apply",
        summary: "Apply the migration in place (atomic per file; a second run changes nothing).",
        usage: "vringmigrate apply <tree> [--rules FILE] [--compile-commands FILE] [--cflag FLAG]...",
        flags: [RulesOptions.flag] + TreeOptions.flags,
        examples: ["vringmigrate apply ~/linux-3.2", "vringmigrate apply Fixtures/trees/pre-3.3 --rules rules.json"])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let (plans, diagnostics) = try MigrationRun.plan(arguments)
        var failed = diagnostics.contains { $0.level == .error }
        TreeOptions.report(diagnostics)
        for tree in plans {
            for path in tree.plan.edits.paths {
                guard let file = tree.analysis.files[path] else { continue }
                let updated = tree.plan.edits.apply(to: file.bytes, path: path)
                do {
                    try AtomicWriter.replace(file.absolutePath, treeRoot: tree.analysis.root, expected: file.bytes, with: updated)
                    Output.write("changed \(path) (\(tree.plan.edits.edits(for: path).count) edits)\n")
                } catch {
                    Output.error("vringmigrate: \(path): \(error)")
                    failed = true
                }
            }
            for finding in tree.plan.findings {
                Output.error("vringmigrate: \(finding.path):\(finding.start.line): \(finding.message)")
            }
        }
        if failed { return .errors }
        return plans.contains { !$0.plan.findings.isEmpty } ? .findings : .clean
    }
}
