/// Plain-text rendering of an execution: each thread's events in program order with the write
/// every read reads from, then the coherence order of every location written more than once.
extension Execution {
    /// "driver#5" for an event, "initial" for an initial write.
    public func label(of write: WriteReference) -> String {
        switch write {
        case .initial: return "initial"
        case .event(let id): return label(of: id)
        }
    }

    public func label(of id: EventID) -> String { "\(threadNames[id.thread])#\(id.index)" }

    /// One line per event: `R avail.idx = 3 (reads from driver#16)  [pop]`.
    public func describe(_ id: EventID) -> String {
        let source = readsFrom[id].map { " (reads from \(label(of: $0)))" } ?? ""
        let origin = event(id).origin.isEmpty ? "" : "  [\(event(id).origin)]"
        return describeAccess(id) + source + origin
    }

    /// The event alone: `R avail.idx = 3`, `W[release] x = 1`, `F smp_wmb at kick.publish`.
    public func describeAccess(_ id: EventID) -> String {
        let event = event(id)
        switch event.operation {
        case .read(let location, let value, let ordering):
            return "R\(Self.suffix(ordering)) \(name(of: location)) = \(Self.hex(value))"
        case .write(let location, let value, let ordering):
            return "W\(Self.suffix(ordering)) \(name(of: location)) = \(Self.hex(value))"
        case .fence(let fence):
            let site = fence.site.map { " at \($0.rawValue)" } ?? ""
            let called = fence.requestedKind.map { " (\($0.rawValue) helper)" } ?? ""
            return "F \(fence.spelling)\(site)\(called)"
        }
    }

    /// The whole execution as indented text.
    public func renderText() -> String {
        var lines: [String] = []
        for (thread, trace) in traces.enumerated() {
            lines.append("\(threadNames[thread]) (fences judged against a \(peers[thread].rawValue) peer):")
            for index in trace.events.indices {
                lines.append("  #\(index)  " + describe(EventID(thread: thread, index: index)))
            }
            for note in trace.notes { lines.append("  note: \(note)") }
        }
        let contested = coherence.filter { $0.value.count > 2 }.sorted { $0.key < $1.key }
        if !contested.isEmpty {
            lines.append("coherence order (locations written more than once):")
            for (location, writes) in contested {
                let order = writes.map { "\(label(of: $0)) = \(Self.hex(value(of: $0)))" }
                lines.append("  \(name(of: location)): " + order.joined(separator: " -> "))
            }
        }
        return lines.joined(separator: "\n")
    }

    static func suffix(_ ordering: AccessOrdering) -> String {
        ordering == .once ? "" : "[\(ordering.rawValue)]"
    }

    static func hex(_ value: Int) -> String {
        value >= 0 && value < 10 ? String(value) : (value < 0 ? String(value) : "0x" + String(value, radix: 16))
    }
}
