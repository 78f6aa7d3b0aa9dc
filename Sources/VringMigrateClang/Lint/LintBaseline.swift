import Foundation
import VringMigrateCore

/// The findings a tree has accepted for now, by fingerprint, so the lint can gate new code
/// without fixing history first. `--write-baseline FILE` writes it; `--baseline FILE` reads it.
///
/// ```json
/// { "version": 1,
///   "findings": [ { "fingerprint": "8c1f…", "rule": "fence-kind",
///                   "path": "drivers/virtio/virtio_ring.c", "message": "…" } ] }
/// ```
///
/// Only `fingerprint` decides; `rule`, `path` and `message` are there for the reviewer of the
/// file. Fingerprints leave out line numbers, so edits elsewhere in a file keep them valid.
public struct LintBaseline: Sendable, Equatable {
    public struct Entry: Codable, Hashable, Sendable {
        public var fingerprint: String
        public var rule: String
        public var path: String
        public var message: String
    }

    public static let version = 1
    public var entries: [Entry]

    public init(findings: [Finding]) {
        entries = findings.map { Entry(fingerprint: $0.fingerprint, rule: $0.ruleID, path: $0.path, message: $0.message) }
            .sorted { ($0.path, $0.rule, $0.fingerprint) < ($1.path, $1.rule, $1.fingerprint) }
    }

    private struct Document: Codable {
        var version: Int
        var findings: [Entry]
    }

    /// Parses a baseline; the error says what is wrong, for a usage message naming the file.
    public init(json: [UInt8]) throws {
        let document: Document
        do {
            document = try JSONDecoder().decode(Document.self, from: Data(json))
        } catch {
            throw LintInputError(message: "not a vringmigrate baseline: \(Self.describe(error))")
        }
        guard document.version == Self.version else {
            throw LintInputError(message: "baseline version \(document.version); this vringmigrate reads version \(Self.version)")
        }
        entries = document.findings
    }

    /// Pretty JSON with sorted keys and a final newline, so the file diffs well in review.
    public func render() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(version: Self.version, findings: entries))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// Splits findings into those the baseline does not know and those it accepts.
    public func partition(_ findings: [Finding]) -> (new: [Finding], accepted: [Finding]) {
        let known = Set(entries.map(\.fingerprint))
        var new: [Finding] = [], accepted: [Finding] = []
        for finding in findings {
            if known.contains(finding.fingerprint) { accepted.append(finding) } else { new.append(finding) }
        }
        return (new, accepted)
    }

    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing key \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted: return "malformed JSON"
        default: return "\(error)"
        }
    }
}

public struct LintInputError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
