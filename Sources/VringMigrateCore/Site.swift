/// What the scan reports: one place where the watched API is spelled.

public enum SiteKind: String, Sendable, Codable, CaseIterable {
    case call, declaration, definition, reference
    case barrierDefinition = "barrier-definition"
    case barrierUse = "barrier-use"
}

/// How a site was found, most certain first.
public enum FoundBy: String, Sendable, Codable, CaseIterable {
    /// The libclang parse produced it at exactly these bytes.
    case ast
    /// Spelled in the body of a macro definition; the parse sees it only where the macro is used.
    case macroBody = "macro-body"
    /// Spelled in a preprocessor branch the parse skipped.
    case inactiveBranch = "inactive-branch"
    /// Seen in the token stream but not confirmed by a parse; `note` says why.
    case tokens
}

/// A piece of source text with its byte range: a call argument or a declared parameter.
public struct SpelledText: Hashable, Sendable, Codable {
    public var text: String
    public var start: Int
    public var end: Int

    public init(text: String, range: ByteRange) {
        self.text = text
        self.start = range.start
        self.end = range.end
    }

    public var range: ByteRange { ByteRange(start: start, end: end) }
}

/// One arm of a barrier helper: under which condition it expands to which fence primitives.
public struct BarrierArm: Hashable, Sendable, Codable {
    /// `weak`, `strong`, or `always` (no run-time choice in this branch).
    public var arm: String
    /// The full condition: the `#if` branch and, for weak/strong, the run-time test.
    public var condition: String
    /// The `#if` conditions alone.
    public var branch: [String]
    public var fences: [String]
    /// Where the arm's text lies, for findings that point at it.
    public var range: ByteRange

    public init(arm: String, condition: String, branch: [String], fences: [String], range: ByteRange) {
        self.arm = arm
        self.condition = condition
        self.branch = branch
        self.fences = fences
        self.range = range
    }
}

public struct Site: Hashable, Sendable {
    public var kind: SiteKind
    public var name: String
    public var path: String
    public var line: Int
    public var column: Int
    /// The bytes of the name token.
    public var range: ByteRange
    public var function: String?
    public var conditions: [String]
    public var foundBy: FoundBy
    /// Why a site is not `ast`, or extra evidence (for example where a macro body was expanded).
    public var note: String?
    /// The macro whose body spells the site.
    public var macro: String?
    /// Calls: the arguments as spelled.
    public var arguments: [SpelledText]?
    /// Declarations and definitions: the parameters as spelled.
    public var parameters: [SpelledText]?
    /// Barrier definitions: `macro` or `function`.
    public var form: String?
    public var arms: [BarrierArm]?
    /// Barrier uses confirmed by the parse: the `struct vring_virtqueue *` in scope, if any.
    public var queue: String?

    public init(
        kind: SiteKind, name: String, path: String, line: Int, column: Int, range: ByteRange,
        function: String? = nil, conditions: [String] = [], foundBy: FoundBy, note: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.path = path
        self.line = line
        self.column = column
        self.range = range
        self.function = function
        self.conditions = conditions
        self.foundBy = foundBy
        self.note = note
    }

    /// Report order: path, offset, kind.
    public static func reportOrder(_ lhs: Site, _ rhs: Site) -> Bool {
        (lhs.path, lhs.range.start, lhs.kind.rawValue) < (rhs.path, rhs.range.start, rhs.kind.rawValue)
    }
}
