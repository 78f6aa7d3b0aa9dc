/// Compiler-style lines, one finding per line, in report order:
///
/// ```
/// drivers/virtio/virtio_pci.c:12:9: error: message [rule-id]
///   further message lines and notes, indented by two spaces
/// ```
///
/// Columns are 1-based UTF-8 byte columns, as compilers and editors' "jump to error" expect.
public struct TextReporter: Reporter {
    public init() {}

    public func report(findings: [Finding], rules: [RuleMetadata]) -> String {
        var output = ""
        for finding in findings.sorted(by: Finding.deterministicOrder) {
            output += render(finding)
        }
        return output
    }

    private func render(_ finding: Finding) -> String {
        let messageLines = Self.lines(of: finding.message)
        let location = "\(finding.path):\(finding.start.line):\(finding.start.column)"
        var output = "\(location): \(finding.severity.rawValue): \(messageLines[0]) [\(finding.ruleID)]\n"
        for line in messageLines.dropFirst() + finding.notes.flatMap(Self.lines) {
            output += "  \(line)\n"
        }
        return output
    }

    /// Splits on `\n`, dropping a `\r` before it, so one message line never spans two output lines.
    static func lines(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
    }
}
