/// The transport rules table: which `weak_barriers` value each call site of the v3.3 constructor
/// should pass, and why.
///
/// Schema (JSON; the built-in table and a user's `--rules FILE` both go through it):
///
/// ```
/// { "rules": [ { "transport": "virtio_pci",
///                "match": { "paths": ["drivers/virtio/virtio_pci*.c"], "notify": ["vp_notify"], "functions": ["setup_vq"] },
///                "weak_barriers": true, "peer": "smp-cpu",
///                "why": "the host is a hypervisor on another SMP CPU: SMP barriers suffice" } ] }
/// ```
///
/// - `rules`: a list of rule objects (the only top-level key).
/// - `transport`: a non-empty name, unique in the table.
/// - `match`: an object with at least one of
///   - `paths`: globs over the file's path relative to the tree root (see `Glob`),
///   - `notify`: C identifiers of the notify callback passed to the constructor,
///   - `functions`: C identifiers of the function containing the call;
///   each a non-empty list of strings. A rule matches a call site when EVERY kind it lists
///   matches; within one kind, any entry matches.
/// - `peer`: `"smp-cpu"` (the other side is a CPU in the same coherence domain, such as a
///   hypervisor) or `"device"` (real hardware or a remote processor outside it).
/// - `weak_barriers`: must agree with `peer`: `true` for `smp-cpu`, `false` for `device`.
/// - `why`: a non-empty sentence a reviewer can check.
///
/// Unknown keys anywhere, missing keys, wrong types, bad globs and malformed JSON are each a
/// `RulesTableError` naming the file, the line and the key.
public struct RulesTable: Sendable {
    public let rules: [TransportRule]
    /// Where the table came from: the built-in one or a file.
    public let source: RulesSource

    /// Parses and checks a table in the schema above.
    public init(json bytes: [UInt8], source: RulesSource) throws(RulesTableError) {
        let decoder = RulesTableDecoder(file: source.fileName)
        rules = try decoder.decode(bytes)
        self.source = source
    }

    /// Reads and parses the table at `path`; a missing or unreadable file is an error naming it.
    public static func load(path: String) throws(RulesTableError) -> RulesTable {
        let bytes = try RulesTableDecoder(file: path).read(path: path)
        return try RulesTable(json: bytes, source: .file(path))
    }

    /// Every rule that matches the call site, in table order.
    public func matches(_ facts: CallSiteFacts) -> [TransportRule] {
        rules.filter { $0.evidence(for: facts) != nil }
    }

    /// The value a call site should pass: from the first matching rule when all matching rules
    /// agree, a conflict when they do not, and `.noRule` when none matches.
    public func resolve(_ facts: CallSiteFacts) -> Resolution {
        let matching = matches(facts)
        guard let first = matching.first else { return .noRule }
        if matching.contains(where: { $0.weakBarriers != first.weakBarriers }) {
            return .conflict(matching)
        }
        return .value(first.weakBarriers, rule: first, alsoMatching: Array(matching.dropFirst()))
    }
}

public enum RulesSource: Hashable, Sendable, CustomStringConvertible {
    case builtIn
    case file(String)

    /// What error messages call the table's file.
    public var fileName: String {
        switch self {
        case .builtIn: return "<built-in rules>"
        case .file(let path): return path
        }
    }

    public var description: String {
        switch self {
        case .builtIn: return "built-in"
        case .file(let path): return path
        }
    }
}

/// What the analyzer knows about one call of the constructor.
public struct CallSiteFacts: Hashable, Sendable {
    /// Path relative to the tree root, with `/` separators.
    public var path: String
    /// The notify callback passed to the constructor, when it is a plain identifier.
    public var notify: String?
    /// The function that contains the call.
    public var function: String?

    public init(path: String, notify: String? = nil, function: String? = nil) {
        self.path = path
        self.notify = notify
        self.function = function
    }
}

/// The outcome of looking a call site up in the table.
public enum Resolution: Equatable, Sendable {
    /// The value to pass; `rule` is the first matching rule, `alsoMatching` the others (which agree).
    case value(Bool, rule: TransportRule, alsoMatching: [TransportRule])
    /// No rule matches; the tool must not guess.
    case noRule
    /// Matching rules disagree about the value.
    case conflict([TransportRule])
}
