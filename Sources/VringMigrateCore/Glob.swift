/// A path glob relative to the tree root, matched against whole relative paths (`a/b/c.c`).
///
/// - `*` any run of characters except `/` (including none)
/// - `**` as a whole segment: any number of whole segments, including none, so `dir/**` matches
///   `dir` and everything below it, and `**/x.c` matches `x.c` at any depth. Elsewhere `**`
///   means the same as `*` (as in .gitignore).
/// - `?` one character except `/`
/// - `[abc]`, `[a-z]`, `[!x]` (or `[^x]`): one character from (or not from) the set, never `/`
/// - `\c` the character `c` itself
///
/// Characters are Unicode scalars, so `?` matches `ü` whole. An unclosed `[`, an empty `[]`, a
/// reversed range, a trailing `\`, an empty pattern, a pattern starting or ending with `/` and an
/// empty segment (`a//b`) are each a `GlobError`: all of them would silently match nothing.
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    public let pattern: String
    private let segments: [Segment]

    enum Segment: Hashable, Sendable {
        /// `**`: any number of whole path segments.
        case anySegments
        case tokens([Token])
    }

    enum Token: Hashable, Sendable {
        case literal(Unicode.Scalar)
        case anyCharacter
        case anyRun
        case set(CharacterSet)
    }

    struct CharacterSet: Hashable, Sendable {
        var ranges: [ClosedRange<UInt32>]
        var negated: Bool

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            guard scalar != "/" else { return false }
            return ranges.contains { $0.contains(scalar.value) } != negated
        }
    }

    public init(_ pattern: String) throws(GlobError) {
        self.pattern = pattern
        var compiler = GlobCompiler(pattern: pattern)
        segments = try compiler.compile()
    }

    public var description: String { pattern }

    /// True when `path` (relative, `/`-separated) matches the whole pattern.
    public func matches(_ path: String) -> Bool {
        let pathSegments = path.split(separator: "/", omittingEmptySubsequences: false)
            .map { Array($0.unicodeScalars) }
        return Self.wildcardMatch(
            pattern: segments, text: pathSegments,
            isRun: { $0 == .anySegments },
            matchesOne: { segment, name in
                guard case .tokens(let tokens) = segment else { return false }
                return Self.segmentMatches(tokens, name)
            })
    }

    private static func segmentMatches(_ tokens: [Token], _ name: [Unicode.Scalar]) -> Bool {
        wildcardMatch(
            pattern: tokens, text: name,
            isRun: { $0 == .anyRun },
            matchesOne: { token, scalar in
                switch token {
                case .literal(let literal): return literal == scalar
                case .anyCharacter: return true
                case .set(let set): return set.contains(scalar)
                case .anyRun: return false
                }
            })
    }

    /// Wildcard matching where a "run" element matches any number of text elements. Used twice:
    /// for `*` over the characters of one segment and for `**` over the segments of a path.
    /// Greedy with backtracking to the last run only, which is enough because a later run can
    /// absorb anything an earlier one would: O(pattern × text) at worst.
    static func wildcardMatch<P, T>(
        pattern: [P], text: [T], isRun: (P) -> Bool, matchesOne: (P, T) -> Bool
    ) -> Bool {
        var (p, t) = (0, 0)
        var lastRun: (pattern: Int, text: Int)?
        while t < text.count {
            if p < pattern.count && isRun(pattern[p]) {
                lastRun = (p, t)
                p += 1
            } else if p < pattern.count && matchesOne(pattern[p], text[t]) {
                p += 1
                t += 1
            } else if let run = lastRun {
                p = run.pattern + 1
                t = run.text + 1
                lastRun = (run.pattern, run.text + 1)
            } else {
                return false
            }
        }
        while p < pattern.count && isRun(pattern[p]) { p += 1 }
        return p == pattern.count
    }
}

/// A malformed glob, with the character offset where the problem starts.
public struct GlobError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        case empty
        case absolute
        case unclosedBracket
        case emptyBracket
        case reversedRange(String)
        case trailingBackslash
        case trailingSlash
        case emptySegment
    }

    public var pattern: String
    public var reason: Reason
    /// 0-based index of the character (Unicode scalar) where the problem starts.
    public var offset: Int

    public init(pattern: String, reason: Reason, offset: Int) {
        self.pattern = pattern
        self.reason = reason
        self.offset = offset
    }

    public var description: String {
        let what: String
        switch reason {
        case .empty: what = "is empty"
        case .absolute: what = "starts with '/'; globs are relative to the tree root"
        case .unclosedBracket: what = "has a '[' at character \(offset + 1) that is never closed"
        case .emptyBracket: what = "has an empty '[]' at character \(offset + 1)"
        case .reversedRange(let range): what = "has a reversed range '\(range)' at character \(offset + 1)"
        case .trailingBackslash: what = "ends with a '\\' that escapes nothing"
        case .trailingSlash: what = "ends with '/'; write \"\(pattern)**\" to match everything below a directory"
        case .emptySegment: what = "has an empty path segment ('//') at character \(offset + 1)"
        }
        return "glob \"\(pattern)\" \(what)"
    }
}
