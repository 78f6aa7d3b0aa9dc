import Foundation
import VringMigrateCore

/// `call-conformance`: every `vring_new_virtqueue` call passes `weak_barriers`, and a literal
/// value is the one the transport rules table gives for the call's transport.
///
/// A pre-v3.3 call is reported with the migration's own edit as its fix; a value the lint cannot
/// read (a variable, an expression) is a warning, never a guess.
public struct CallConformanceRule: LintRule {
    public init() {}

    public let id = "call-conformance"
    public let summary = "A vring_new_virtqueue call lacks weak_barriers or passes the wrong value for its transport"
    public let rationale = """
        Since v3.3 vring_new_virtqueue takes bool weak_barriers right after vdev: true when the \
        peer is a hypervisor on another SMP CPU, false when it is a real device or a remote \
        processor. The transport rules table says which each call site needs; passing true to a \
        device lets the ring use SMP fences that do not order against it.
        """
    public let defaultSeverity = Severity.error

    public func check(_ context: LintContext) -> [Finding] {
        context.sites(.call).filter { $0.name == WatchedNames.constructor }.compactMap { check($0, context) }
    }

    private func check(_ site: Site, _ context: LintContext) -> Finding? {
        let names = context.api.migratedParameterNames
        guard let arguments = site.arguments else {
            return context.finding(id, .warning, path: site.path, range: site.range, message: Message.unreadable)
        }
        if arguments.count == names.count - 1 { return preMigration(site, arguments, context) }
        guard arguments.count == names.count, let index = names.firstIndex(of: "weak_barriers") else {
            return context.finding(id, .error, path: site.path, range: site.range,
                message: Message.arity(arguments.count, expected: names.count))
        }
        let notify = names.firstIndex(of: "notify").map { arguments[$0].text }
        let facts = CallSiteFacts(path: site.path, notify: notify, function: site.function)
        return checkValue(arguments[index], site: site, facts: facts, context)
    }

    private func preMigration(_ site: Site, _ arguments: [SpelledText], _ context: LintContext) -> Finding? {
        let notify = context.api.unmigratedIndex(of: "notify").flatMap { $0 < arguments.count ? arguments[$0].text : nil }
        let facts = CallSiteFacts(path: site.path, notify: notify, function: site.function)
        guard let file = context.analysis.files[site.path] else { return nil }
        var plan = MigrationPlan()
        CallStep(file: file, site: site, api: context.api, rules: context.rulesTable).run(into: &plan)
        let resolution = context.rulesTable.resolve(facts)
        return context.finding(id, .error, path: site.path, range: site.range,
            message: Message.missing(resolution, facts), notes: Message.evidence(resolution, facts),
            fix: plan.edits.edits(for: site.path))
    }

    private func checkValue(_ argument: SpelledText, site: Site, facts: CallSiteFacts, _ context: LintContext) -> Finding? {
        let resolution = context.rulesTable.resolve(facts)
        let notes = Message.evidence(resolution, facts)
        guard let passed = Self.literal(argument.text) else {
            return context.finding(id, .warning, path: site.path, range: argument.range,
                message: Message.nonLiteral(argument.text), notes: notes)
        }
        switch resolution {
        case .value(let wanted, let rule, _) where wanted != passed:
            let fix = SourceEdit(path: site.path, range: argument.range, replacement: wanted ? "true" : "false")
            return context.finding(id, .error, path: site.path, range: argument.range,
                message: Message.wrongValue(passed, wanted, rule), notes: notes, fix: [fix])
        case .value:
            return nil
        case .noRule, .conflict:
            return context.finding(id, .warning, path: site.path, range: site.range,
                message: Message.unresolved(resolution, facts), notes: notes)
        }
    }

    /// `true`, `false`, `1`, `0` (comments and spaces already gone from the spelling).
    static func literal(_ text: String) -> Bool? {
        switch text.trimmingCharacters(in: .whitespacesAndNewlines) {
        case "true", "1", "!0": return true
        case "false", "0": return false
        default: return nil
        }
    }
}

extension ConstructorAPI {
    /// The parameter names of the v3.3+ constructor: the tree's own when it already has
    /// `weak_barriers`, otherwise the tree's with `weak_barriers` right after `vdev`.
    var migratedParameterNames: [String] {
        if hasWeakBarriers { return parameterNames }
        var names = parameterNames
        names.insert("weak_barriers", at: (names.firstIndex(of: "vdev") ?? names.count - 1) + 1)
        return names
    }
}

extension CallConformanceRule {
    public var triggeringExamples: [LintExample] { CallConformanceExamples.triggering }
    public var nonTriggeringExamples: [LintExample] { CallConformanceExamples.nonTriggering }

    enum Message {
        static let unreadable = "cannot read the arguments of this vring_new_virtqueue call"

        static func arity(_ count: Int, expected: Int) -> String {
            "vring_new_virtqueue call has \(count) arguments; the tree's declaration takes \(expected) (\(expected - 1) before v3.3)"
        }

        static func missing(_ resolution: Resolution, _ facts: CallSiteFacts) -> String {
            let base = "vring_new_virtqueue call passes no weak_barriers argument (the pre-v3.3 form)"
            switch resolution {
            case .value(let value, let rule, _):
                return base + "; `vringmigrate apply` inserts \(value) after vdev (transport \(rule.transport))"
            case .noRule, .conflict:
                return base + "; " + unresolved(resolution, facts) + ", then run `vringmigrate apply`"
            }
        }

        static func wrongValue(_ passed: Bool, _ wanted: Bool, _ rule: TransportRule) -> String {
            "passes weak_barriers=\(passed), but transport \(rule.transport) (rule #\(rule.index)) needs \(wanted): the peer is \(rule.peer == .device ? "a device outside the SMP coherence domain" : "another SMP CPU")"
        }

        static func nonLiteral(_ text: String) -> String {
            "passes weak_barriers as `\(text)`, which the lint cannot check against the transport rules table"
        }

        static func unresolved(_ resolution: Resolution, _ facts: CallSiteFacts) -> String {
            let call = "path \(facts.path), notify \(facts.notify ?? "?"), function \(facts.function ?? "?")"
            if case .conflict(let candidates) = resolution {
                let names = candidates.map { "\($0.transport) (\($0.weakBarriers))" }.joined(separator: ", ")
                return "transport rules disagree for this call (\(call)): \(names); make them agree"
            }
            return "no transport rule covers this call (\(call)); add one to the rules table"
        }

        /// Why the table gives its value, for the reviewer.
        static func evidence(_ resolution: Resolution, _ facts: CallSiteFacts) -> [String] {
            guard case .value(let value, let rule, _) = resolution else { return [] }
            let matched = rule.evidence(for: facts)?.map(\.description).joined(separator: ", ") ?? ""
            return ["transport \(rule.transport) (rule #\(rule.index)): \(matched); weak_barriers=\(value), peer \(rule.peer.rawValue): \(rule.why)"]
        }
    }
}

/// The examples of `call-conformance`; `↓` marks each expected finding.
enum CallConformanceExamples {
    static let triggering = [
        // A v3.2 call: 7 arguments, no weak_barriers.
        LintExample("""
            #include <linux/types.h>
            #include <linux/virtio.h>
            #include <linux/virtio_ring.h>

            static void vp_notify(struct virtqueue *vq) { (void)vq; }

            struct virtqueue *setup_vq(struct virtio_device *vdev, void *queue)
            {
            \treturn ↓vring_new_virtqueue(64, 4096, vdev, queue, vp_notify, NULL, "vq");
            }

            """, path: "drivers/virtio/virtio_pci.c", headers: "pre-3.3"),
        // A remote processor is a device: it needs mandatory barriers.
        LintExample("""
            #include <linux/types.h>
            #include <linux/virtio.h>
            #include <linux/virtio_ring.h>

            static void rp_notify(struct virtqueue *vq) { (void)vq; }

            struct virtqueue *rp_find_vq(struct virtio_device *vdev, void *addr)
            {
            \treturn vring_new_virtqueue(64, 4096, vdev, ↓true, addr, rp_notify, NULL, "rp");
            }

            """, path: "drivers/remoteproc/remoteproc_virtio.c"),
        // A value the lint cannot read, and a call no transport rule covers.
        LintExample("""
            #include <linux/types.h>
            #include <linux/virtio.h>
            #include <linux/virtio_ring.h>

            static void my_notify(struct virtqueue *vq) { (void)vq; }

            struct virtqueue *my_setup(struct virtio_device *vdev, void *pages, bool weak)
            {
            \tif (weak)
            \t\treturn vring_new_virtqueue(64, 4096, vdev, ↓weak, pages, my_notify, NULL, "a");
            \treturn vring_new_virtqueue(64, 4096, vdev, true, pages, my_notify, NULL, "b");
            }

            """, path: "drivers/virtio/virtio_mmio.c"),
        LintExample("""
            #include <linux/types.h>
            #include <linux/virtio.h>
            #include <linux/virtio_ring.h>

            static void my_notify(struct virtqueue *vq) { (void)vq; }

            struct virtqueue *my_setup(struct virtio_device *vdev, void *pages)
            {
            \treturn ↓vring_new_virtqueue(64, 4096, vdev, true, pages, my_notify, NULL, "vq");
            }

            """, path: "drivers/misc/my_transport.c"),
    ]

    static let nonTriggering = [
        LintExample("""
            #include <linux/types.h>
            #include <linux/virtio.h>
            #include <linux/virtio_ring.h>

            static void vp_notify(struct virtqueue *vq) { (void)vq; }

            struct virtqueue *setup_vq(struct virtio_device *vdev, void *queue)
            {
            \treturn vring_new_virtqueue(64, 4096, vdev, true, queue, vp_notify, NULL, "vq");
            }

            """, path: "drivers/virtio/virtio_pci.c"),
        LintExample("""
            #include <linux/types.h>
            #include <linux/virtio.h>
            #include <linux/virtio_ring.h>

            static void rp_notify(struct virtqueue *vq) { (void)vq; }

            struct virtqueue *rp_find_vq(struct virtio_device *vdev, void *addr)
            {
            \treturn vring_new_virtqueue(64, 4096, vdev, false, addr, rp_notify, NULL, "rp");
            }

            """, path: "drivers/remoteproc/remoteproc_virtio.c"),
    ]
}
