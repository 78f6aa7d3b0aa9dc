import Vring
import VringMigrateCore

/// `fence-kind`: every barrier helper, in every `#if` branch and in both arms of a weak/strong
/// choice, expands to fences of the kind its name promises and of the scope its arm needs.
///
/// Upstream v3.3 shipped `virtio_wmb` as `smp_rmb()`/`rmb()`: a read fence where the name
/// promises a write fence. Nothing fails to compile and most tests pass, so only reading the
/// definition catches it.
public struct FenceKindRule: LintRule {
    public init() {}

    public let id = "fence-kind"
    public let summary = "A barrier helper expands to a fence of the wrong kind or scope"
    public let rationale = """
        virtio_mb/virtio_rmb/virtio_wmb promise a full, read or write fence. Each arm must keep the \
        promise: the weak arm with an SMP-scope fence (smp_*, virt_*), the strong arm and the \
        non-SMP branch with a mandatory one (mb/rmb/wmb, or dma_rmb/dma_wmb for the read and write \
        helpers). Upstream v3.3 defined virtio_wmb with smp_rmb()/rmb(), a read fence where a write \
        fence belongs.
        """
    public let defaultSeverity = Severity.error

    public func check(_ context: LintContext) -> [Finding] {
        context.sites(.barrierDefinition).flatMap { site in
            (site.arms ?? []).flatMap { check(site, $0, context) }
        }
    }

    private func check(_ site: Site, _ arm: BarrierArm, _ context: LintContext) -> [Finding] {
        guard let promised = HelperFences.promisedKind(of: site.name), let file = context.analysis.files[site.path] else { return [] }
        let expectation = ArmExpectation(arm: arm.arm, branch: BarrierBranch(arm.branch), promised: promised)
        let tokens = BarrierArms.identifierTokens(in: file.bytes, range: arm.range)
        return tokens.compactMap { token -> Finding? in
            guard let fence = HelperFences.fence(token.text), let problem = expectation.problem(with: fence) else { return nil }
            let message = Message.wrongFence(site.name, arm: arm, fence: fence, problem: problem, expected: expectation.suggestion(for: fence))
            let fix = problem.severity == .error
                ? [SourceEdit(path: site.path, range: token.range, replacement: expectation.suggestion(for: fence))] : []
            return context.finding(id, problem.severity, path: site.path, range: token.range, message: message, fix: fix)
        }
    }
}

/// What one arm must expand to.
struct ArmExpectation {
    enum Scope { case smp, mandatory, either }

    var scope: Scope
    var promised: FenceKind
    var isNonSMPBranch: Bool

    init(arm: String, branch: BarrierBranch, promised: FenceKind) {
        self.promised = promised
        isNonSMPBranch = branch == .nonSMP
        switch (arm, branch) {
        case ("weak", _): scope = .smp
        case ("strong", _), (_, .nonSMP): scope = .mandatory
        default: scope = .either  // an SMP branch with no run-time choice: the pre-3.3 shape
        }
    }

    struct Problem {
        var severity: Severity
        var reason: String
    }

    func problem(with fence: HelperFences.Fence) -> Problem? {
        guard let kind = fence.kind, kind.satisfies(promised) else {
            return Problem(severity: .error, reason: "\(HelperFences.phrase(found: fence)) where the name promises \(HelperFences.phrase(promised))")
        }
        switch (scope, fence.scope) {
        case (.smp, .smp) where isNonSMPBranch && !fence.isVirt:
            return Problem(severity: .error, reason: "an SMP fence, only a compiler barrier on this non-SMP build")
        case (.smp, .smp), (.mandatory, .mandatory), (.either, .smp), (.either, .mandatory):
            return nil
        case (.mandatory, .dma), (.either, .dma):
            return promised == .mb ? Problem(severity: .error, reason: "a DMA fence, which orders only coherent DMA memory; a full helper needs mb") : nil
        case (.smp, _):
            if isNonSMPBranch { return nil }
            return Problem(severity: .warning, reason: "\(fence.scope == .dma ? "a DMA" : "a mandatory") fence in the weak arm, so weak_barriers buys nothing")
        case (.mandatory, .smp) where isNonSMPBranch && !fence.isVirt:
            return Problem(severity: .error, reason: "an SMP fence, only a compiler barrier on this non-SMP build")
        case (.mandatory, _):
            return Problem(severity: .error, reason: "an SMP-scope fence, which does not order against a device")
        case (.either, .compiler):
            return Problem(severity: .error, reason: "a compiler barrier")
        }
    }

    /// The fence this arm should spell, in the family of what was found.
    func suggestion(for fence: HelperFences.Fence) -> String {
        let mandatory = fence.scope == .dma && promised != .mb ? "dma_" + promised.rawValue : FencePrimitive.mandatory(promised).rawValue
        let smp = fence.isVirt ? "virt_" + promised.rawValue : FencePrimitive.smp(promised).rawValue
        switch scope {
        case .smp: return isNonSMPBranch ? "virt_" + promised.rawValue : smp
        case .mandatory: return mandatory
        case .either: return fence.scope == .smp ? smp : mandatory
        }
    }
}

extension FenceKindRule {
    public var triggeringExamples: [LintExample] { FenceKindExamples.triggering }
    public var nonTriggeringExamples: [LintExample] { FenceKindExamples.nonTriggering }

    enum Message {
        static func wrongFence(_ helper: String, arm: BarrierArm, fence: HelperFences.Fence, problem: ArmExpectation.Problem, expected: String) -> String {
            let branch = arm.branch.isEmpty ? "no #if branch" : "branch " + arm.branch.joined(separator: " && ")
            return "\(helper) expands to \(fence.name) in its \(arm.arm) arm (\(branch)): \(problem.reason); expected \(expected)"
        }
    }
}

/// The examples of `fence-kind`; `↓` marks each expected finding.
enum FenceKindExamples {
    static let triggering = [
        // Upstream v3.3: a read fence in both arms of the write helper.
        LintExample("""
            #include <asm/barrier.h>
            #ifdef CONFIG_SMP
            #define virtio_wmb(vq) \\
            \tdo { if ((vq)->weak_barriers) ↓smp_rmb(); else ↓rmb(); } while(0)
            #else
            #define virtio_wmb(vq) wmb()
            #endif

            """),
        // The non-SMP branch with an SMP fence: only a compiler barrier on a UP build.
        LintExample("""
            #include <asm/barrier.h>
            #ifdef CONFIG_SMP
            #define virtio_mb(vq) \\
            \tdo { if ((vq)->weak_barriers) smp_mb(); else mb(); } while(0)
            #else
            #define virtio_mb(vq) ↓smp_mb()
            #endif

            """),
        // The 6.1 form with an SMP fence in the strong arm, and a weak arm that wastes the flag.
        LintExample("""
            #include <linux/types.h>
            #include <asm/barrier.h>

            static inline void virtio_rmb(bool weak_barriers)
            {
            \tif (weak_barriers)
            \t\t↓dma_rmb();
            \telse
            \t\t↓virt_rmb();
            }

            """, headers: "modern"),
    ]

    static let nonTriggering = [
        // The v3.3 form, fixed.
        LintExample("""
            #include <asm/barrier.h>
            #ifdef CONFIG_SMP
            #define virtio_rmb(vq) \\
            \tdo { if ((vq)->weak_barriers) smp_rmb(); else rmb(); } while(0)
            #define virtio_wmb(vq) \\
            \tdo { if ((vq)->weak_barriers) smp_wmb(); else wmb(); } while(0)
            #else
            #define virtio_rmb(vq) rmb()
            #define virtio_wmb(vq) mb()
            #endif

            """),
        // The v3.2 form: SMP fences under CONFIG_SMP, mandatory ones without.
        LintExample("""
            #include <asm/barrier.h>
            #ifdef CONFIG_SMP
            #define virtio_mb() smp_mb()
            #define virtio_wmb() smp_wmb()
            #else
            #define virtio_mb() mb()
            #define virtio_wmb() wmb()
            #endif

            """, headers: "pre-3.3"),
        // The 6.1 form: virt_* or DMA fences, and the store-then-full-fence helper.
        LintExample("""
            #include <linux/types.h>
            #include <linux/compiler.h>
            #include <asm/barrier.h>

            static inline void virtio_wmb(bool weak_barriers)
            {
            \tif (weak_barriers)
            \t\tvirt_wmb();
            \telse
            \t\tdma_wmb();
            }

            #define virtio_store_mb(weak_barriers, p, v) \\
            do { \\
            \tif (weak_barriers) { \\
            \t\tvirt_store_mb(*(p), v); \\
            \t} else { \\
            \t\tWRITE_ONCE(*(p), v); \\
            \t\tmb(); \\
            \t} \\
            } while (0)

            """, headers: "modern"),
    ]
}
