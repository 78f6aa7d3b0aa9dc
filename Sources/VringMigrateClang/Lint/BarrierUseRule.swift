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
        let forms = helperForms(context)
        guard !forms.isEmpty else { return [] }
        return context.sites(.barrierUse).compactMap { site in
            guard let arguments = site.arguments, let form = forms[site.name], !form.arities.contains(arguments.count) else { return nil }
            return finding(site, arguments.count, form: form, context)
        }
    }

    /// What the tree's definitions of one helper take.
    struct HelperForm {
        var arities: Set<Int>
        /// The v3.10+ form: the first parameter is the `weak_barriers` flag, not the queue.
        var takesFlag: Bool
    }

    private func finding(_ site: Site, _ count: Int, form: HelperForm, _ context: LintContext) -> Finding? {
        guard count == 0 else {
            return context.finding(id, .error, path: site.path, range: site.range,
                message: Message.arity(site.name, count, expected: form.arities))
        }
        // The migration passes the queue; where the helper takes the flag that would compile and
        // be wrong (a pointer is always true), so the flag form gets no fix.
        var fix: [SourceEdit] = []
        if !form.takesFlag, let file = context.analysis.files[site.path] {
            var plan = MigrationPlan()
            BarrierUseStep(file: file, site: site, scan: context.analysis.scans[site.path]).run(into: &plan)
            fix = plan.edits.edits(for: site.path)
        }
        return context.finding(id, .error, path: site.path, range: site.range,
            message: Message.noArgument(site.name, takesFlag: form.takesFlag, fixed: !fix.isEmpty), fix: fix)
    }

    /// Helper name → what its migrated definitions take; empty when the tree is not migrated (the
    /// constructor lacks `weak_barriers` and no helper takes an argument).
    func helperForms(_ context: LintContext) -> [String: HelperForm] {
        var defined: [String: HelperForm] = [:]
        for site in context.sites(.barrierDefinition) {
            guard let names = parameters(site, context), !names.isEmpty else { continue }
            var form = defined[site.name, default: HelperForm(arities: [], takesFlag: false)]
            form.arities.insert(names.count)
            form.takesFlag = form.takesFlag || names[0] == "weak_barriers"
            defined[site.name] = form
        }
        guard context.api.hasWeakBarriers || !defined.isEmpty else { return [:] }
        let takesFlag = defined.values.contains { $0.takesFlag }
        var result: [String: HelperForm] = [:]
        for helper in WatchedNames.barrierHelpers {
            result[helper] = defined[helper] ?? HelperForm(arities: [helper == "virtio_store_mb" ? 3 : 1], takesFlag: takesFlag)
        }
        return result
    }

    /// The parameter names of a macro or function definition of a helper.
    private func parameters(_ site: Site, _ context: LintContext) -> [String]? {
        if site.form == "macro" {
            return context.analysis.scans[site.path]?.macros.first { $0.nameRange == site.range }?.parameters
        }
        guard let bytes = context.analysis.files[site.path]?.bytes,
            let open = CLexer.nextSignificant(bytes, from: site.range.end, stopAtNewline: false),
            bytes[open] == UInt8(ascii: "("), let close = CLexer.matchingParen(bytes, open: open)
        else { return nil }
        let names = CLexer.splitArguments(bytes, open: open, close: close).map { ConstructorAPI.declaredName(CLexer.normalizedText(bytes, $0)) }
        return names == ["void"] ? [] : names
    }
}

extension BarrierUseRule {
    public var triggeringExamples: [LintExample] { BarrierUseExamples.triggering }
    public var nonTriggeringExamples: [LintExample] { BarrierUseExamples.nonTriggering }

    enum Message {
        static func noArgument(_ helper: String, takesFlag: Bool, fixed: Bool) -> String {
            let wanted = takesFlag ? "the queue's weak_barriers flag (the form since v3.10)" : "the queue (the form since v3.3)"
            return "\(helper)() passes nothing, but the tree's helper takes \(wanted)" + (fixed ? "; `vringmigrate apply` passes the queue in scope" : "")
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
