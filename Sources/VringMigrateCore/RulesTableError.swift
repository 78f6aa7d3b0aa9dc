/// Why a rules table was rejected, naming the file, the line and the key.
///
/// Printed as `rules.json:7: unknown key "wek_barriers" in rule 2; did you mean "weak_barriers"?`
/// (or `rules.json: ...` when no line applies, as for a missing file).
public struct RulesTableError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: Equatable, Sendable {
        case unreadable
        case syntax
        case unknownKey
        case missingKey
        case wrongType
        case invalidValue
        case badGlob
        case inconsistentPeer
        case duplicateTransport
    }

    public var kind: Kind
    /// The file as the user named it, or `<built-in rules>`.
    public var file: String
    /// 1-based line of the offending key or value, when there is one.
    public var line: Int?
    /// The key the message is about, when there is one.
    public var key: String?
    public var message: String

    public init(kind: Kind, file: String, line: Int?, key: String?, message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        guard let line else { return "\(file): \(message)" }
        return "\(file):\(line): \(message)"
    }
}

/// "Did you mean" for a mistyped key or value: the closest candidate that differs only in case,
/// `_`/`-`, or by at most two edits.
enum KeySuggestion {
    static func closest(to word: String, among candidates: [String]) -> String? {
        let normalized = normalize(word)
        if let same = candidates.first(where: { normalize($0) == normalized }) { return same }
        let scored = candidates.map { ($0, distance(Array(normalized), Array(normalize($0)))) }
        guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= 2, best.1 < normalized.count else { return nil }
        return best.0
    }

    private static func normalize(_ word: String) -> String {
        word.lowercased().filter { $0 != "_" && $0 != "-" }
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var row = [i + 1]
            for (j, y) in b.enumerated() {
                row.append(Swift.min(previous[j + 1] + 1, row[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = row
        }
        return previous[b.count]
    }
}
