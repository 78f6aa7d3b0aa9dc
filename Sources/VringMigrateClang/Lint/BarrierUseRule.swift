import VringMigrateCore

/// `barrier-use`: in a migrated tree every barrier helper use passes what the helper now takes:
/// the queue (`virtio_wmb(vq)`, v3.3) or the `weak_barriers` flag (`virtio_wmb(vq->weak_barriers)`,
/// v3.10+). A use left in the old, argument-less form is an error.
///
/// The expected arity comes from the tree's own definitions, so the rule follows whichever form
/// the tree has; a tree still on the v3.2 API (no `weak_barriers` anywhere) is left alone.
public struct BarrierUseRule: LintRule {
    public init() {}

    public let id = "barrier-use"
    public let summary = "A barrier helper use does not pass the queue or the weak_barriers flag"
    public let rationale = """
        Since v3.3 the barrier helpers choose per queue between SMP and mandatory fences, so every \
        use must say which queue (or, from v3.10, which weak_barriers value) it orders for. A use \
        left in the argument-less v3.2 form does not build against the new helpers, or silently \
        picks a fixed strength where a macro still accepts it.
        """
    public let defaultSeverity = Severity.error

    public func check(_ context: LintContext) -> [Finding] {
        let arities = expectedArities(context)
        guard !arities.isEmpty else { return [] }
        return context.sites(.barrierUse).compactMap { site in
            guard let arguments = site.arguments, let expected = arities[site.name], !expected.contains(arguments.count) else { return nil }
            return finding(site, arguments.count, expected: expected, context)
        }
    }

    private func finding(_ site: Site, _ count: Int, expected: Set<Int>, _ context: LintContext) -> Finding? {
        guard count == 0 else {
            return context.finding(id, .error, path: site.path, range: site.range,
                message: Message.arity(site.name, count, expected: expected))
        }
        var fix: [SourceEdit] = []
        if let file = context.analysis.files[site.path] {
            var plan = MigrationPlan()
            BarrierUseStep(file: file, site: site, scan: context.analysis.scans[site.path]).run(into: &plan)
            fix = plan.edits.edits(for: site.path)
        }
        return context.finding(id, .error, path: site.path, range: site.range, message: Message.noQueue(site.name), fix: fix)
    }

    /// Helper name → the argument counts its migrated definitions take; empty when the tree is
    /// not migrated (the constructor lacks `weak_barriers` and no helper takes an argument).
    func expectedArities(_ context: LintContext) -> [String: Set<Int>] {
        var defined: [String: Set<Int>] = [:]
        for site in context.sites(.barrierDefinition) {
            if let count = parameterCount(site, context), count > 0 { defined[site.name, default: []].insert(count) }
        }
        guard context.api.hasWeakBarriers || !defined.isEmpty else { return [:] }
        var result: [String: Set<Int>] = [:]
        for helper in WatchedNames.barrierHelpers {
            result[helper] = defined[helper] ?? [helper == "virtio_store_mb" ? 3 : 1]
        }
        return result
    }

    /// The parameters of a macro or function definition of a helper.
    private func parameterCount(_ site: Site, _ context: LintContext) -> Int? {
        if site.form == "macro" {
            return context.analysis.scans[site.path]?.macros.first { $0.nameRange == site.range }?.parameters?.count
        }
        guard let bytes = context.analysis.files[site.path]?.bytes,
            let open = CLexer.nextSignificant(bytes, from: site.range.end, stopAtNewline: false),
            bytes[open] == UInt8(ascii: "("), let close = CLexer.matchingParen(bytes, open: open)
        else { return nil }
        let parameters = CLexer.splitArguments(bytes, open: open, close: close)
        let isVoid = parameters.count == 1 && CLexer.normalizedText(bytes, parameters[0]) == "void"
        return isVoid ? 0 : parameters.count
    }
}

extension BarrierUseRule {
    public var triggeringExamples: [LintExample] { BarrierUseExamples.triggering }
    public var nonTriggeringExamples: [LintExample] { BarrierUseExamples.nonTriggering }

    enum Message {
        static func noQueue(_ helper: String) -> String {
            "\(helper)() passes no queue: since v3.3 the helper takes the queue (or, from v3.10, its weak_barriers flag); `vringmigrate apply` passes the queue in scope"
        }

        static func arity(_ helper: String, _ count: Int, expected: Set<Int>) -> String {
            let counts = expected.sorted().map(String.init).joined(separator: " or ")
            return "\(helper) is given \(count) arguments; the tree's definition takes \(counts)"
        }
    }
}

/// The examples of `barrier-use`; `↓` marks each expected finding.
enum BarrierUseExamples {
    static let queueMacros = """
        #include <linux/types.h>
        #include <linux/virtio.h>
        #include <linux/virtio_ring.h>
        #include <asm/barrier.h>

        #ifdef CONFIG_SMP
        #define virtio_wmb(vq) \\
        \tdo { if ((vq)->weak_barriers) smp_wmb(); else wmb(); } while(0)
        #else
        #define virtio_wmb(vq) wmb()
        #endif

        struct vring_virtqueue {
        \tstruct virtqueue vq;
        \tstruct vring vring;
        \tbool weak_barriers;
        };

        """

    static let triggering = [
        // A v3.2 use left behind in a v3.3 tree.
        LintExample(queueMacros + """
            void publish(struct vring_virtqueue *vq, u16 head)
            {
            \tvq->vring.avail->ring[0] = head;
            \t↓virtio_wmb();
            \tvq->vring.avail->idx++;
            }

            """),
        // The 6.1 helpers take the flag; a use passing nothing is an error.
        LintExample("""
            #include <linux/types.h>
            #include <linux/virtio_ring.h>

            void publish(u16 *idx, bool weak_barriers)
            {
            \t↓virtio_wmb();
            \t*idx = 1;
            \tvirtio_mb(weak_barriers);
            }

            """, headers: "modern"),
    ]

    static let nonTriggering = [
        LintExample(queueMacros + """
            void publish(struct vring_virtqueue *vq, u16 head)
            {
            \tvq->vring.avail->ring[0] = head;
            \tvirtio_wmb(vq);
            \tvq->vring.avail->idx++;
            }

            """),
        LintExample("""
            #include <linux/types.h>
            #include <linux/virtio_ring.h>

            void publish(u16 *idx, u16 *event, bool weak_barriers)
            {
            \tvirtio_wmb(weak_barriers);
            \t*idx = 1;
            \tvirtio_store_mb(weak_barriers, event, 2);
            }

            """, headers: "modern"),
        // A tree still on the v3.2 API: argument-less uses are right there.
        LintExample("""
            #include <asm/barrier.h>
            #define virtio_wmb() wmb()

            void publish(unsigned short *idx)
            {
            \tvirtio_wmb();
            \t*idx = 1;
            }

            """, headers: "pre-3.3"),
    ]
}
