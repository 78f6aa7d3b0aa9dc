/// `vringmigrate rules`: the table as aligned columns, each rule followed by its reason.
extension RulesTable {
    public func render() -> String {
        let header = ["TRANSPORT", "WEAK_BARRIERS", "PEER", "MATCH"]
        let rows = rules.map { rule in
            [rule.transport, String(rule.weakBarriers), rule.peer.rawValue, Self.describe(rule.match)]
        }
        let widths = (0..<3).map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            let padded = (0..<3).map { cells[$0].padding(toLength: widths[$0] + 2, withPad: " ", startingAt: 0) }
            return padded.joined() + cells[3]
        }
        let indent = String(repeating: " ", count: widths.reduce(0) { $0 + $1 + 2 })
        var output = "Transport rules: \(source) (\(rules.count) \(rules.count == 1 ? "rule" : "rules")). "
            + "A call site takes the value of the first rule whose criteria all match it.\n\n"
        output += line(header) + "\n"
        for (rule, row) in zip(rules, rows) {
            output += line(row) + "\n"
            output += indent + "why: " + rule.why + "\n"
        }
        return output
    }

    /// `paths: a, b; notify: vp_notify; functions: setup_vq`
    static func describe(_ match: TransportMatch) -> String {
        var parts: [String] = []
        if !match.paths.isEmpty { parts.append("paths: " + match.paths.map(\.pattern).joined(separator: ", ")) }
        if !match.notify.isEmpty { parts.append("notify: " + match.notify.joined(separator: ", ")) }
        if !match.functions.isEmpty { parts.append("functions: " + match.functions.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}
