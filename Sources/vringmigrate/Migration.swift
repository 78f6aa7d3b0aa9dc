import Vring
import VringMigrateClang
import VringMigrateCore
import VringOracle

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
            lines += oracleChecks(tree.plan.review)
        }
        return lines.joined(separator: "\n")
    }

    /// Per transport: the oracle runs the ring scenarios with the value chosen against the
    /// transport's peer, and for a `false` transport shows what `true` would let the peer see.
    static func oracleChecks(_ review: [ReviewEntry]) -> [String] {
        var seen = Set<String>()
        var lines: [String] = []
        for entry in review {
            guard let transport = entry.transport, let value = entry.value.flatMap(Bool.init),
                let peer = entry.peer.flatMap(Peer.init(rawValue:)), seen.insert(transport).inserted
            else { continue }
            let chosen = RingReport(checking: RingConfiguration(peer: peer, weakBarriers: value))
            let verdict = chosen.passed ? "verified" : "FAILS"
            lines.append("- oracle: transport \(transport), weak_barriers=\(value) against a \(peer.rawValue) peer: \(verdict) (\(chosen.summaryLine))")
            if !value {
                let weak = RingReport(checking: RingConfiguration(peer: peer, weakBarriers: true))
                let failure = weak.verdicts.first { !$0.passed }?.counterexample?.violation ?? "no scenario failed"
                lines.append("  - with weak_barriers=true instead: \(weak.passed ? "also passes" : "fails"): \(failure)")
            }
        }
        if !lines.isEmpty { lines = ["### Oracle checks of the chosen values", ""] + lines + [""] }
        return lines
    }
}
