import Vring
import VringMigrateCore

/// `barrier-strength`: at each barrier helper use, the ring accesses it separates need the fence
/// its name gives: store then store a write (or full) fence, load then load a read (or full)
/// fence, a store then a load a full fence.
///
/// The accesses are the nearest ring access on each side of the barrier in its function (with
/// same-file callees spliced in), counted only when they are the function's side's own half of
/// the protocol (a driver re-reading its own `avail->idx` orders nothing for the device). Where
/// the barrier is the first or last ring access of a protocol operation, the operations table
/// supplies the other side. A side that cannot be known, or another fence in between, means no
/// verdict: the rule reports only what it can show.
public struct BarrierStrengthRule: LintRule {
    public init() {}

    public let id = "barrier-strength"
    public let summary = "A barrier helper is weaker than the ring accesses it separates need"
    public let rationale = """
        A barrier orders the ring accesses around it only as far as its kind goes: a write fence \
        orders stores against stores, a read fence loads against loads, and only a full fence a \
        store against a later load. Linux v3.3 opened virtqueue_kick_prepare with virtio_wmb, \
        between the avail->idx store of virtqueue_add_buf and the avail-event load: the device \
        could miss the kick (fixed by a72caae21803 with virtio_mb).
        """
    public let defaultSeverity = Severity.error

    public func check(_ context: LintContext) -> [Finding] {
        context.sites(.barrierUse).compactMap { site in
            guard let given = HelperFences.promisedKind(of: site.name), given != .mb, let pair = pair(at: site, context) else { return nil }
            let required = BarrierSite.requiredKind(before: pair.before.access, after: pair.after.access)
            guard !given.satisfies(required) else { return nil }
            let helper = HelperFences.helper(site.name, strengthenedTo: required)
            return context.finding(id, .error, path: site.path, range: site.range,
                message: Message.tooWeak(site.name, given, pair, required, helper),
                notes: [pair.before.note(context, site.path, label: "before"), pair.after.note(context, site.path, label: "after")],
                fix: [SourceEdit(path: site.path, range: site.range, replacement: helper)])
        }
    }

    /// The accesses the helper use at `site` separates; nil when the rule cannot tell (a use in a
    /// macro body, no function around it, an unknown side, another fence in between).
    func pair(at site: Site, _ context: LintContext) -> BarrierPair? {
        guard site.macro == nil, let file = context.analysis.files[site.path], let scan = context.analysis.scans[site.path],
            let function = scan.functions.first(where: { $0.body.contains(site.range.start) })
        else { return nil }
        let timeline = RingTimeline(function: function, file: file, functions: scan.functions)
        return BarrierPair.find(site, function: function.name, timeline: timeline, operations: context.operations)
    }
}

extension BarrierStrengthRule {
    public var triggeringExamples: [LintExample] { BarrierStrengthExamples.triggering }
    public var nonTriggeringExamples: [LintExample] { BarrierStrengthExamples.nonTriggering }

    enum Message {
        static func tooWeak(_ helper: String, _ given: FenceKind, _ pair: BarrierPair, _ required: FenceKind, _ replacement: String) -> String {
            let order = "\(pair.before.access.isStore ? "a store" : "a load") then \(pair.after.access.isStore ? "a store" : "a load")"
            return "\(helper) gives \(HelperFences.phrase(exactly: given)), but it separates \(pair.before.access.rawValue) from \(pair.after.access.rawValue): \(order) needs \(HelperFences.phrase(required)); use \(replacement)"
        }
    }
}

/// The examples of `barrier-strength`; `↓` marks each expected finding.
enum BarrierStrengthExamples {
    static let prelude = """
        #include <linux/types.h>
        #include <linux/virtio.h>
        #include <linux/virtio_ring.h>
        #include <asm/barrier.h>

        #ifdef CONFIG_SMP
        #define virtio_mb(vq) do { if ((vq)->weak_barriers) smp_mb(); else mb(); } while(0)
        #define virtio_rmb(vq) do { if ((vq)->weak_barriers) smp_rmb(); else rmb(); } while(0)
        #define virtio_wmb(vq) do { if ((vq)->weak_barriers) smp_wmb(); else wmb(); } while(0)
        #else
        #define virtio_mb(vq) mb()
        #define virtio_rmb(vq) rmb()
        #define virtio_wmb(vq) wmb()
        #endif

        struct vring_virtqueue {
        \tstruct virtqueue vq;
        \tstruct vring vring;
        \tbool weak_barriers;
        \tu16 last_used_idx;
        };

        """

    static let triggering = [
        // Linux 3.3: kick_prepare opens with a write barrier, after add_buf stored avail->idx.
        LintExample(prelude + """
            bool virtqueue_kick_prepare(struct vring_virtqueue *vq)
            {
            \t↓virtio_wmb(vq);
            \treturn !(vq->vring.used->flags & VRING_USED_F_NO_NOTIFY);
            }

            """),
        // Inside one function: the used event store, then the used index load.
        LintExample(prelude + """
            bool enable_cb(struct vring_virtqueue *vq)
            {
            \tvring_used_event(&vq->vring) = vq->last_used_idx;
            \t↓virtio_rmb(vq);
            \treturn vq->vring.used->idx != vq->last_used_idx;
            }

            """),
    ]

    static let nonTriggering = [
        LintExample(prelude + """
            bool virtqueue_kick_prepare(struct vring_virtqueue *vq)
            {
            \tvirtio_mb(vq);
            \treturn !(vq->vring.used->flags & VRING_USED_F_NO_NOTIFY);
            }

            """),
        // Publish: entry stores, write barrier, index store. Get: index load (in a helper), read
        // barrier, element load (through a pointer); the operations table says get_buf is driver code.
        LintExample(prelude + """
            static bool more_used(const struct vring_virtqueue *vq)
            {
            \treturn vq->last_used_idx != vq->vring.used->idx;
            }

            void publish(struct vring_virtqueue *vq, u16 head)
            {
            \tvq->vring.avail->ring[vq->vring.avail->idx & (vq->vring.num - 1)] = head;
            \tvirtio_wmb(vq);
            \tvq->vring.avail->idx++;
            }

            u32 virtqueue_get_buf(struct vring_virtqueue *vq)
            {
            \tstruct vring_used_elem *elem;

            \tif (!more_used(vq))
            \t\treturn 0;
            \tvirtio_rmb(vq);
            \telem = &vq->vring.used->ring[vq->last_used_idx & (vq->vring.num - 1)];
            \treturn elem->id;
            }

            """),
    ]
}
