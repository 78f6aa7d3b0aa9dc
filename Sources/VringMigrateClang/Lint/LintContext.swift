import VringMigrateCore

/// What every rule reads: the analysed tree, the transport rules table, the table of ring
/// operations, and the constructor's parameters as the tree declares them. It also turns a byte
/// range into a finding, so every rule computes positions and fingerprints the same way.
public struct LintContext {
    public let analysis: TreeAnalysis
    public let rulesTable: RulesTable
    public let operations: RingOperationTable
    let api: ConstructorAPI

    public init(analysis: TreeAnalysis, rulesTable: RulesTable, operations: RingOperationTable) {
        self.analysis = analysis
        self.rulesTable = rulesTable
        self.operations = operations
        self.api = ConstructorAPI(sites: analysis.sites)
    }

    /// Sites of one kind, in report order.
    func sites(_ kind: SiteKind) -> [Site] { analysis.sites.filter { $0.kind == kind } }

    /// The function whose body holds `offset`, as the scanner found it.
    func function(in path: String, containing offset: Int) -> FunctionSpan? {
        analysis.scans[path]?.functions.first { $0.body.contains(offset) }
    }

    /// A finding at `range` of `path`; nil only when the file is not part of the analysis.
    func finding(
        _ ruleID: String, _ severity: Severity, path: String, range: ByteRange, message: String,
        notes: [String] = [], fix: [SourceEdit] = []
    ) -> Finding? {
        guard let file = analysis.files[path] else { return nil }
        let flagged = CLexer.normalizedText(file.bytes, range)
        let scope = function(in: path, containing: range.start)?.name ?? ""
        // Line numbers stay out of the fingerprint so a baseline survives edits above the finding.
        let fingerprint = Fingerprint.of([ruleID, path, scope, flagged, message])
        return Finding(
            ruleID: ruleID, severity: severity, path: path, range: range,
            start: file.sourcePosition(of: range.start), end: file.sourcePosition(of: range.end),
            message: message, notes: notes, fix: fix, fingerprint: fingerprint)
    }

    /// "line 12" of an offset, for notes (never for messages, which feed fingerprints).
    func line(of offset: Int, in path: String) -> Int {
        analysis.files[path]?.position(of: offset).line ?? 0
    }
}

/// A 64-bit FNV-1a hash as 16 hex digits: stable across runs and platforms, unlike `Hasher`.
enum Fingerprint {
    static func of(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            // A separator byte that cannot occur in source text keeps ("ab","c") apart from ("a","bc").
            for byte in (index == 0 ? [] : [UInt8(0x1F)]) + Array(part.utf8) {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
