/// The job-summary Markdown of every finding (annotations are capped per step; this is not).
extension GitHubReporter {
    public func summaryMarkdown(findings: [Finding], rules: [RuleMetadata]) -> String {
        let ordered = findings.sorted(by: Finding.deterministicOrder)
        var output = "## \(Self.escape(tool.name)) \(Self.escape(tool.version))\n\n"
        guard !ordered.isEmpty else { return output + "No findings.\n" }
        output += Self.countLine(ordered) + "\n\n"
        output += "| Severity | Location | Rule | Message |\n| --- | --- | --- | --- |\n"
        for finding in ordered {
            let location = "\(finding.path):\(finding.start.line):\(finding.start.codePointColumn)"
            let message = ([finding.message] + finding.notes).map(Self.escape).joined(separator: "<br>")
            output += "| \(finding.severity.rawValue) | \(Self.escape(location)) | \(Self.escape(finding.ruleID)) | \(message) |\n"
        }
        output += "\n" + rulesTable(ordered, rules: rules)
        return output
    }

    /// "3 findings: 1 error, 1 warning, 1 note."
    private static func countLine(_ findings: [Finding]) -> String {
        let parts = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = findings.filter { $0.severity == severity }.count
            guard count > 0 else { return nil }
            return "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        let total = findings.count
        return "\(total) \(total == 1 ? "finding" : "findings"): " + parts.joined(separator: ", ") + "."
    }

    /// The rules that found something, with their counts and summaries.
    private func rulesTable(_ findings: [Finding], rules: [RuleMetadata]) -> String {
        let counts = Dictionary(grouping: findings, by: \.ruleID).mapValues(\.count)
        let summaries = Dictionary(rules.map { ($0.id, $0.summary) }, uniquingKeysWith: { first, _ in first })
        var output = "| Rule | Findings | Summary |\n| --- | --- | --- |\n"
        for id in counts.keys.sorted() {
            output += "| \(Self.escape(id)) | \(counts[id] ?? 0) | \(Self.escape(summaries[id] ?? "")) |\n"
        }
        return output
    }

    /// Makes text inert inside a Markdown table cell: backslash-escapes the characters that would
    /// start emphasis, code, links or HTML, or end the cell, and turns line breaks into `<br>`.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "~", "&":
                result += "\\" + String(scalar)
            case "\r":
                continue
            case "\n":
                result += "<br>"
            default:
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
