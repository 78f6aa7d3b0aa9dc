/// How bad a finding is; ordered so `--fail-on` can compare.
public enum Severity: String, CaseIterable, Comparable, Sendable, Codable {
    case note, warning, error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A position as reporters need it: 1-based line, 1-based UTF-8 byte column (what the text format
/// and libclang use) and 1-based Unicode code point column (what SARIF declares as columnKind).
public struct SourcePosition: Hashable, Sendable, Codable {
    public var line: Int
    public var column: Int
    public var codePointColumn: Int

    public init(line: Int, column: Int, codePointColumn: Int) {
        self.line = line
        self.column = column
        self.codePointColumn = codePointColumn
    }
}

/// Describes a rule for reporters (SARIF's `tool.driver.rules`).
public struct RuleMetadata: Hashable, Sendable {
    public var id: String
    public var summary: String
    public var rationale: String
    public var defaultSeverity: Severity

    public init(id: String, summary: String, rationale: String, defaultSeverity: Severity) {
        self.id = id
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
    }
}

/// One thing a rule found at one place.
public struct Finding: Hashable, Sendable {
    public var ruleID: String
    public var severity: Severity
    public var path: String
    public var range: ByteRange
    public var start: SourcePosition
    public var end: SourcePosition
    public var message: String
    /// Extra lines for a reader: evidence, a counterexample, how the site was found.
    public var notes: [String]
    /// The edits that fix it, when the migration has some.
    public var fix: [SourceEdit]
    /// Stable across unrelated edits of the file: rule, path, enclosing function and the text of
    /// the flagged code, never the line number.
    public var fingerprint: String

    public init(
        ruleID: String, severity: Severity, path: String, range: ByteRange,
        start: SourcePosition, end: SourcePosition, message: String,
        notes: [String] = [], fix: [SourceEdit] = [], fingerprint: String
    ) {
        self.ruleID = ruleID
        self.severity = severity
        self.path = path
        self.range = range
        self.start = start
        self.end = end
        self.message = message
        self.notes = notes
        self.fix = fix
        self.fingerprint = fingerprint
    }

    /// Report order: path, then position, then rule, then message.
    public static func reportOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        (lhs.path, lhs.start.line, lhs.start.column, lhs.ruleID, lhs.message)
            < (rhs.path, rhs.start.line, rhs.start.column, rhs.ruleID, rhs.message)
    }

    /// `reportOrder`, then the remaining fields, so even findings that tie on path, position,
    /// rule and message come out in the same order whatever order they were found in.
    static func deterministicOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if reportOrder(lhs, rhs) { return true }
        if reportOrder(rhs, lhs) { return false }
        return (lhs.fingerprint, lhs.range.start, lhs.range.end, lhs.severity.rawValue, lhs.notes.joined(separator: "\n"))
            < (rhs.fingerprint, rhs.range.start, rhs.range.end, rhs.severity.rawValue, rhs.notes.joined(separator: "\n"))
    }
}

extension SourceFile {
    /// The reporter position of a byte offset.
    public func sourcePosition(of offset: Int) -> SourcePosition {
        let (line, column) = lines.position(of: offset)
        let lineStart = offset - (column - 1)
        let prefix = bytes[lineStart..<offset]
        // Continuation bytes (10xxxxxx) do not start a code point; any other byte does, which also
        // counts each invalid (Latin-1) byte as one character.
        let codePoints = prefix.reduce(0) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
        return SourcePosition(line: line, column: column, codePointColumn: codePoints + 1)
    }
}
