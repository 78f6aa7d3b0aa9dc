import Vring
import VringMigrateCore
import VringOracle

/// `lint --oracle`: runs the ring scenarios with exactly the fences the tree's barrier helpers
/// expand to (the scan's arms), weak arms against an SMP peer and strong arms against a device,
/// and attaches each counterexample to the fence-kind finding of the helper it blames.
enum LintOracle {
    static let helperKinds: [String: FenceKind] = ["virtio_mb": .mb, "virtio_rmb": .rmb, "virtio_wmb": .wmb]

    /// The fence configuration the tree really has. An `always` arm (no run-time choice) serves
    /// both arms; the SMP branch wins over the non-SMP branch, since the prelude parses with SMP.
    static func configuration(from sites: [Site]) -> FenceConfiguration {
        var configuration = FenceConfiguration.correct
        let definitions = sites.filter { $0.kind == .barrierDefinition }
            .sorted { isNonSMPBranch($0) && !isNonSMPBranch($1) }  // SMP branches last, so they win
        for site in definitions {
            guard let kind = helperKinds[site.name] else { continue }
            for arm in site.arms ?? [] {
                let primitives = arm.fences.compactMap(FencePrimitive.init(rawValue:))
                if arm.arm != "strong" { configuration.weak[kind] = primitives }
                if arm.arm != "weak" { configuration.strong[kind] = primitives }
            }
        }
        return configuration
    }

    static func isNonSMPBranch(_ site: Site) -> Bool {
        site.conditions.contains { $0.hasPrefix("!") && $0.contains("CONFIG_SMP") }
    }

    /// The reports and the findings with counterexamples attached.
    static func check(_ sites: [Site], findings: [Finding]) -> (reports: [RingReport], findings: [Finding]) {
        let reports = RingChecker.checkHelpers(configuration(from: sites))
        var updated = findings
        for report in reports {
            for verdict in report.verdicts {
                guard let counterexample = verdict.counterexample else { continue }
                let arm = report.configuration.weakBarriers ? "weak arm" : "strong arm"
                let note = "oracle (\(report.configuration.peer.rawValue) peer, \(arm)): " + counterexample.text
                for blame in counterexample.blame {
                    let helper = "virtio_\(blame.called?.rawValue ?? "")"
                    for index in updated.indices where updated[index].ruleID == "fence-kind"
                        && updated[index].message.contains(helper + " ") && updated[index].message.contains(arm)
                        && !updated[index].notes.contains(where: { $0.hasPrefix("oracle (") })
                    {
                        updated[index].notes.append(note)
                    }
                }
            }
        }
        return (reports, updated)
    }
}
