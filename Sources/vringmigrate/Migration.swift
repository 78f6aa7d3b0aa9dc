import VringMigrateClang
import VringMigrateCore

/// Shared by `diff` and `apply`: analyse each tree and plan its migration.
enum MigrationRun {
    struct TreePlan {
        var analysis: TreeAnalysis
        var plan: MigrationPlan
    }

    static func plan(_ arguments: ParsedArguments) throws -> (plans: [TreePlan], diagnostics: [RunDiagnostic]) {
        guard !arguments.positionals.isEmpty else { throw UsageError(message: "needs a tree") }
        let analyzer = Analyzer(settings: try TreeOptions.settings(arguments), jobs: try TreeOptions.jobs(arguments))
        var plans: [TreePlan] = []
        var diagnostics: [RunDiagnostic] = []
        for root in arguments.positionals {
            let rules = try RulesOptions.load(arguments, tree: root)
            let (analysis, _, problems) = TreeOptions.analyze(root, analyzer: analyzer)
            diagnostics += problems
            plans.append(TreePlan(analysis: analysis, plan: Migrator(analysis: analysis, rules: rules).plan()))
        }
        return (plans, diagnostics)
    }

    /// The unified diff of every changed file, in path order.
    static func diff(_ tree: TreePlan) -> [UInt8] {
        var output: [UInt8] = []
        for path in tree.plan.edits.paths {
            guard let file = tree.analysis.files[path] else { continue }
            output += UnifiedDiff.render(path: path, old: file.bytes, new: tree.plan.edits.apply(to: file.bytes, path: path))
        }
        return output
    }

    static func reviewMarkdown(_ plans: [TreePlan]) -> String {
        var lines = ["# vringmigrate review", ""]
        for tree in plans {
            lines.append("## \(tree.analysis.root)")
            lines.append("")
            lines += tree.plan.review.map { "- " + $0.text }
            lines += tree.plan.findings.map { "- **left unchanged** \($0.path):\($0.start.line): \($0.message)" }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }
}
