/// GitHub Actions workflow commands, one annotation per finding, in report order:
///
/// `::error file=P,line=L,col=C,endLine=L2,endColumn=C2,title=RULE::message`
///
/// `warning` findings become `::warning`, `note` findings `::notice`. Columns are code points (the
/// web view counts characters). GitHub rejects columns on an annotation spanning several lines,
/// so those carry only lines. Values are escaped exactly as `@actions/core` does it.
///
/// GitHub shows only a limited number of annotations per step, so `summaryMarkdown` renders
/// every finding as a Markdown table for the job summary (the CLI writes it to a file the user
/// names, typically `$GITHUB_STEP_SUMMARY`).
public struct GitHubReporter: Reporter {
    public var tool: ToolInfo

    public init(tool: ToolInfo) {
        self.tool = tool
    }

    public func report(findings: [Finding], rules: [RuleMetadata]) -> String {
        findings.sorted(by: Finding.deterministicOrder).map { Self.command(for: $0) + "\n" }.joined()
    }

    static func command(for finding: Finding) -> String {
        var properties: [(String, String)] = [("file", finding.path), ("line", "\(finding.start.line)")]
        if finding.start.line == finding.end.line {
            properties.append(("col", "\(finding.start.codePointColumn)"))
        }
        properties.append(("endLine", "\(finding.end.line)"))
        if finding.start.line == finding.end.line {
            properties.append(("endColumn", "\(finding.end.codePointColumn)"))
        }
        properties.append(("title", finding.ruleID))
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        let message = ([finding.message] + finding.notes).joined(separator: "\n")
        return "::\(commandName(finding.severity)) \(list)::\(escapeData(message))"
    }

    static func commandName(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .note: return "notice"
        }
    }

    /// `escapeData` of @actions/core: `%`, CR and LF.
    static func escapeData(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A"])
    }

    /// `escapeProperty` of @actions/core: as data, plus `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        text.replacingAll(["%": "%25", "\r": "%0D", "\n": "%0A", ":": "%3A", ",": "%2C"])
    }
}

extension String {
    /// Replaces single characters in one pass (so a `%` introduced by an escape is never escaped
    /// again). Works on Unicode scalars so a CRLF pair is two replacements, as in JavaScript.
    fileprivate func replacingAll(_ table: [Unicode.Scalar: String]) -> String {
        var result = ""
        for scalar in unicodeScalars {
            if let replacement = table[scalar] { result += replacement } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }
}
