import Vring

/// Graphviz rendering of an execution: one cluster per thread with its events in program
/// order (po), and rf (reads-from), co (coherence) and fr (from-read) edges between them.
/// Fences at `highlighted` sites are drawn red: the ones a counterexample blames.
extension Execution {
    public func renderDot(title: String? = nil, highlighted: Set<BarrierSite> = []) -> String {
        var lines = ["digraph execution {", "  rankdir=TB;", "  node [shape=box, fontname=\"monospace\"];"]
        if let title { lines.append("  label=\"\(Self.escape(title))\";  labelloc=t;") }
        lines += initialNodes()
        for (thread, trace) in traces.enumerated() {
            lines.append("  subgraph cluster_\(thread) {")
            lines.append("    label=\"\(Self.escape(threadNames[thread]))\";")
            for index in trace.events.indices {
                let id = EventID(thread: thread, index: index)
                lines.append(
                    "    \(node(id)) [label=\"#\(index) \(describeForDot(id))\"\(style(id, highlighted))];"
                )
            }
            for index in trace.events.indices.dropFirst() {
                lines.append(
                    "    \(node(EventID(thread: thread, index: index - 1))) -> \(node(EventID(thread: thread, index: index))) [label=\"po\"];"
                )
            }
            lines.append("  }")
        }
        lines += communicationEdges()
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func node(_ id: EventID) -> String { "e\(id.thread)_\(id.index)" }

    private func node(_ write: WriteReference) -> String {
        switch write {
        case .initial(let location): return "init_\(location)"
        case .event(let id): return node(id)
        }
    }

    /// The access, then the operation that made it on a second line.
    private func describeForDot(_ id: EventID) -> String {
        let origin = event(id).origin
        return Self.escape(describeAccess(id)) + (origin.isEmpty ? "" : "\\n" + Self.escape(origin))
    }

    private func style(_ id: EventID, _ highlighted: Set<BarrierSite>) -> String {
        guard let fence = event(id).fence else { return "" }
        if let site = fence.site, highlighted.contains(site) { return ", color=red, fontcolor=red, penwidth=2" }
        return ", style=dashed"
    }

    /// Locations written more than once: the only ones whose coherence order is a choice.
    private var contestedCoherence: [(Int, [WriteReference])] {
        coherence.filter { $0.value.count > 2 }.sorted { $0.key < $1.key }
    }

    /// Initial writes that some read or contested coherence order uses.
    private func initialNodes() -> [String] {
        let used = Set(readsFrom.values).union(contestedCoherence.flatMap(\.1))
        return used.compactMap { write -> (Int, String)? in
            guard case .initial(let location) = write else { return nil }
            let label = "init \(name(of: location)) = \(Self.hex(value(of: write)))"
            return (location, "  \(node(write)) [label=\"\(Self.escape(label))\", shape=ellipse];")
        }.sorted { $0.0 < $1.0 }.map(\.1)
    }

    private func communicationEdges() -> [String] {
        var lines: [String] = []
        for (read, write) in readsFrom.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "  \(node(write)) -> \(node(read)) [label=\"rf\", color=red, fontcolor=red, constraint=false];")
            if let next = coherenceSuccessor(of: write, at: event(read).location) {
                lines.append(
                    "  \(node(read)) -> \(node(next)) [label=\"fr\", color=orange, fontcolor=orange, style=dashed, constraint=false];"
                )
            }
        }
        for (_, writes) in contestedCoherence {
            for (earlier, later) in zip(writes, writes.dropFirst()) {
                lines.append(
                    "  \(node(earlier)) -> \(node(later)) [label=\"co\", color=blue, fontcolor=blue, constraint=false];"
                )
            }
        }
        return lines
    }

    private func coherenceSuccessor(of write: WriteReference, at location: Int?) -> WriteReference? {
        guard let location, let writes = coherence[location], let position = writes.firstIndex(of: write),
            position + 1 < writes.count
        else { return nil }
        return writes[position + 1]
    }

    /// Backslashes and quotes escaped for a DOT string.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "\\" || character == "\"" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
