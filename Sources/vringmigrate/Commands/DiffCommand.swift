import Foundation
import VringMigrateCore

enum DiffCommand {
    static let spec = CommandSpec(
        name: "diff",
        summary: "Print the migration as a unified diff (git apply / patch -p1), with a rationale per site.",
        usage: "vringmigrate diff <tree> [--rules FILE] [--review FILE.md] [--compile-commands FILE] [--cflag FLAG]...",
        flags: [RulesOptions.flag, FlagSpec(name: "review", value: "FILE.md", help: "Write the per-site review as Markdown here instead of stderr.")]
            + TreeOptions.flags,
        examples: ["vringmigrate diff Fixtures/trees/pre-3.3 > migrate.patch", "vringmigrate diff ~/linux-3.2 --review review.md | git apply"])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let (plans, diagnostics) = try MigrationRun.plan(arguments)
        for tree in plans { Output.write(bytes: MigrationRun.diff(tree)) }
        let review = MigrationRun.reviewMarkdown(plans)
        if let path = arguments.value("review") {
            guard FileManager.default.createFile(atPath: path, contents: Data(review.utf8)) else {
                Output.error("vringmigrate: cannot write review file \(path)")
                return .errors
            }
        } else {
            Output.error(review)
        }
        TreeOptions.report(diagnostics)
        let pending = plans.contains { !$0.plan.isEmpty || !$0.plan.findings.isEmpty }
        let edits = plans.reduce(0) { $0 + $1.plan.edits.count }
        let unresolved = plans.reduce(0) { $0 + $1.plan.findings.count }
        Output.error("vringmigrate diff: \(edits) edits in \(plans.reduce(0) { $0 + $1.plan.edits.paths.count }) files; \(unresolved) sites left unchanged")
        if diagnostics.contains(where: { $0.level == .error }) { return .errors }
        return pending ? .findings : .clean
    }
}
