import VringMigrateCore

/// One line of the review: what changes at a site and why.
public struct ReviewEntry: Hashable, Sendable {
    public var path: String
    public var line: Int
    public var what: String
    public var transport: String?
    public var rule: String?
    public var value: String?
    public var peer: String?
    public var evidence: String?
    public var foundBy: FoundBy

    public var text: String {
        var parts = ["\(path):\(line): \(what)"]
        if let transport { parts.append("transport \(transport)") }
        if let rule { parts.append("rule \(rule)") }
        if let value { parts.append("weak_barriers=\(value)") }
        if let peer { parts.append("peer \(peer)") }
        if let evidence { parts.append("evidence: \(evidence)") }
        parts.append("found by \(foundBy.rawValue)")
        return parts.joined(separator: "; ")
    }
}

/// Everything the migration would do to one tree.
public struct MigrationPlan: Sendable {
    public var edits = EditSet()
    public var review: [ReviewEntry] = []
    /// Sites left unchanged for a reason a person must look at (no rule, rules disagree, no queue
    /// in scope, an edit conflict).
    public var findings: [Finding] = []

    public var isEmpty: Bool { edits.isEmpty }

    mutating func add(_ edit: SourceEdit, review entry: ReviewEntry) {
        do {
            if try edits.add(edit) { review.append(entry) }
        } catch {
            problem(at: entry.path, line: entry.line, "edit conflict: \(error)")
        }
    }

    mutating func problem(at path: String, line: Int, _ message: String, site: Site? = nil) {
        let position = SourcePosition(line: line, column: site?.column ?? 1, codePointColumn: site?.column ?? 1)
        findings.append(Finding(
            ruleID: "migration", severity: .error, path: path, range: site?.range ?? .at(0), start: position,
            end: position, message: message, fingerprint: "migration:\(path):\(message)"))
    }
}
