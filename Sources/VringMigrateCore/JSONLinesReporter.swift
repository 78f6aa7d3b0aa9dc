import Foundation

/// One JSON object per line, keys sorted, for scripts (`jq`, `grep`):
///
/// `{"column":9,"end":360,"end_column":40,"end_line":12,"fingerprint":"…","fix":[{"end":345,"path":"…","replacement":"true, ","start":345}],"line":12,"message":"…","notes":[],"path":"…","rule":"…","severity":"error","start":331}`
///
/// `line`/`column` are 1-based with byte columns (as the text format); `start`/`end` are byte
/// offsets of the half-open range; `fix` is empty when the finding has none.
public struct JSONLinesReporter: Reporter {
    public init() {}

    public func report(findings: [Finding], rules: [RuleMetadata]) -> String {
        findings.sorted(by: Finding.deterministicOrder).map { Self.line(for: $0) + "\n" }.joined()
    }

    static func line(for finding: Finding) -> String {
        let object: [String: Any] = [
            "rule": finding.ruleID,
            "severity": finding.severity.rawValue,
            "path": finding.path,
            "line": finding.start.line,
            "column": finding.start.column,
            "end_line": finding.end.line,
            "end_column": finding.end.column,
            "start": finding.range.start,
            "end": finding.range.end,
            "message": finding.message,
            "notes": finding.notes,
            "fingerprint": finding.fingerprint,
            "fix": finding.fix.sorted(by: SARIFFixes.editOrder).map { edit in
                [
                    "path": edit.path,
                    "start": edit.range.start,
                    "end": edit.range.end,
                    "replacement": edit.replacementText,
                ] as [String: Any]
            },
        ]
        return ReportJSON.serialize(object, pretty: false)
    }
}

/// Deterministic JSON text from Foundation values: sorted keys, `/` left unescaped.
enum ReportJSON {
    static func serialize(_ object: Any, pretty: Bool) -> String {
        var options: JSONSerialization.WritingOptions = [.sortedKeys, .withoutEscapingSlashes]
        if pretty { options.insert(.prettyPrinted) }
        do {
            let data = try JSONSerialization.data(withJSONObject: object, options: options)
            return String(decoding: data, as: UTF8.self)
        } catch {
            // Only reachable with a non-JSON value, which the reporters never build.
            preconditionFailure("reporter built a value JSONSerialization rejects: \(error)")
        }
    }
}
