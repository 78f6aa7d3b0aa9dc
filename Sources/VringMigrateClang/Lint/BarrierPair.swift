import Vring
import VringMigrateCore

/// The two ring accesses one barrier separates, each read from the code or, at the edge of a
/// protocol operation, from the operations table.
struct BarrierPair {
    struct Side {
        enum Source {
            case code(RingTimeline.Entry)
            case protocolEdge(BarrierSite, RingOperationTable.Operation, function: String)
        }

        var access: RingAccess
        var source: Source

        /// "before: store avail->ring[] at line 98 (`vq->vring.avail->ring[slot]`)".
        func note(_ context: LintContext, _ path: String, label: String) -> String {
            switch source {
            case .code(let entry):
                guard case .mention(let mention) = entry.kind, let file = context.analysis.files[path] else { return label }
                let via = entry.via.map { ", in \($0)()" } ?? ""
                return "\(label): \(access.rawValue) at line \(context.line(of: entry.anchor.start, in: path)) (`\(CLexer.normalizedText(file.bytes, mention.range))`\(via))"
            case .protocolEdge(let site, let operation, let function):
                let edge = label == "before" ? "first" : "last"
                return "\(label): \(access.rawValue), from the protocol: the barrier is the \(edge) ring access of \(function) (operation \(operation.operation)), so it stands for \(site.rawValue); \(operation.why)"
            }
        }
    }

    var before: Side
    var after: Side

    /// Which side of the protocol each access class belongs to, from the barrier sites themselves.
    static let sideOfAccess: [RingAccess: RingSide] = {
        var sides: [RingAccess: RingSide] = [:]
        for site in BarrierSite.allCases {
            sides[site.separates.before] = site.side
            sides[site.separates.after] = site.side
        }
        return sides
    }()

    static func find(_ site: Site, function: String, timeline: RingTimeline, operations: RingOperationTable) -> BarrierPair? {
        guard let index = timeline.fenceIndex(at: site.range.start) else { return nil }
        let operation = operations.operation(for: function)
        guard let side = operation?.side ?? inferredSide(timeline) else { return nil }
        let beforeIndices = Array(stride(from: index - 1, through: 0, by: -1))
        let afterIndices = Array(stride(from: index + 1, to: timeline.entries.count, by: 1))
        guard let before = nearest(timeline, beforeIndices, side) ?? edge(operation, operation?.entry, function, isBefore: true),
            let after = nearest(timeline, afterIndices, side) ?? edge(operation, operation?.exit, function, isBefore: false)
        else { return nil }
        if case .fenceFirst = before.outcome { return nil }
        if case .fenceFirst = after.outcome { return nil }
        guard case .found(let first) = before.outcome, case .found(let second) = after.outcome else { return nil }
        return BarrierPair(before: first, after: second)
    }

    private struct Search {
        enum Outcome { case found(Side), fenceFirst }
        var outcome: Outcome
    }

    /// The first access of `side` met walking `indices`; another fence met first ends the search
    /// (that fence, not this one, orders what lies beyond it); nil when the function has none.
    private static func nearest(_ timeline: RingTimeline, _ indices: [Int], _ side: RingSide) -> Search? {
        for index in indices {
            let entry = timeline.entries[index]
            switch entry.kind {
            case .fence:
                return Search(outcome: .fenceFirst)
            case .mention(let mention):
                if let access = access(of: mention, on: side) { return Search(outcome: .found(Side(access: access, source: .code(entry)))) }
            }
        }
        return nil
    }

    private static func edge(_ operation: RingOperationTable.Operation?, _ site: BarrierSite?, _ function: String, isBefore: Bool) -> Search? {
        guard let operation, let site else { return nil }
        let access = isBefore ? site.separates.before : site.separates.after
        return Search(outcome: .found(Side(access: access, source: .protocolEdge(site, operation, function: function))))
    }

    /// The protocol access a mention is for code on `side`; nil when it is the other side's half
    /// (a driver loading its own `avail->idx`). An address passed on (`&vq->vring.used->idx`)
    /// is whichever direction belongs to `side`: each field is stored by one side and loaded by
    /// the other.
    static func access(of mention: RingMention, on side: RingSide) -> RingAccess? {
        let candidates: [RingAccess]
        switch mention.use {
        case .load: candidates = [mention.field.access(isStore: false)]
        case .store: candidates = [mention.field.access(isStore: true)]
        case .addressTaken: candidates = [mention.field.access(isStore: true), mention.field.access(isStore: false)]
        }
        return candidates.first { sideOfAccess[$0] == side }
    }

    /// The side whose half every plain store of the function belongs to; nil when there are none
    /// or they disagree (test harnesses that play both ends).
    static func inferredSide(_ timeline: RingTimeline) -> RingSide? {
        var sides: Set<RingSide> = []
        for entry in timeline.entries {
            if case .mention(let mention) = entry.kind, mention.use == .store, let side = sideOfAccess[mention.field.access(isStore: true)] {
                sides.insert(side)
            }
        }
        return sides.count == 1 ? sides.first : nil
    }
}
