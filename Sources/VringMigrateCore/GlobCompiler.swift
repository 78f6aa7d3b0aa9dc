/// Turns a glob pattern into segments of tokens, or a `GlobError` naming what is wrong and where.
struct GlobCompiler {
    let pattern: String
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(pattern: String) {
        self.pattern = pattern
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func compile() throws(GlobError) -> [Glob.Segment] {
        guard !scalars.isEmpty else { throw failure(.empty, at: 0) }
        guard scalars[0] != "/" else { throw failure(.absolute, at: 0) }
        guard scalars.last != "/" else { throw failure(.trailingSlash, at: scalars.count - 1) }
        var segments: [Glob.Segment] = []
        while index <= scalars.count {
            segments.append(try compileSegment())
            index += 1  // past the '/' (or the end)
        }
        return segments
    }

    /// One segment, up to the next unescaped '/' outside brackets; `**` alone is `anySegments`.
    private mutating func compileSegment() throws(GlobError) -> Glob.Segment {
        let start = index
        var tokens: [Glob.Token] = []
        while index < scalars.count && scalars[index] != "/" {
            let token = try compileToken()
            // Consecutive stars mean the same as one inside a segment.
            if token == .anyRun && tokens.last == .anyRun { continue }
            tokens.append(token)
        }
        guard index > start else { throw failure(.emptySegment, at: start) }
        if index - start == 2 && scalars[start] == "*" && scalars[start + 1] == "*" { return .anySegments }
        return .tokens(tokens)
    }

    private mutating func compileToken() throws(GlobError) -> Glob.Token {
        let scalar = scalars[index]
        index += 1
        switch scalar {
        case "*": return .anyRun
        case "?": return .anyCharacter
        case "[": return .set(try compileSet(openedAt: index - 1))
        case "\\":
            guard index < scalars.count else { throw failure(.trailingBackslash, at: index - 1) }
            index += 1
            return .literal(scalars[index - 1])
        default: return .literal(scalar)
        }
    }

    /// `[...]` after its '['; `]` right after `[` or `[!` closes an empty (invalid) set.
    private mutating func compileSet(openedAt open: Int) throws(GlobError) -> Glob.CharacterSet {
        var set = Glob.CharacterSet(ranges: [], negated: false)
        if index < scalars.count && (scalars[index] == "!" || scalars[index] == "^") {
            set.negated = true
            index += 1
        }
        while index < scalars.count && scalars[index] != "]" {
            let low = try setMember(openedAt: open)
            var high = low
            if index + 1 < scalars.count && scalars[index] == "-" && scalars[index + 1] != "]" {
                let rangeStart = index - 1
                index += 1
                high = try setMember(openedAt: open)
                guard low.value <= high.value else {
                    throw failure(.reversedRange("\(low)-\(high)"), at: rangeStart)
                }
            }
            set.ranges.append(low.value...high.value)
        }
        guard index < scalars.count else { throw failure(.unclosedBracket, at: open) }
        index += 1  // past ']'
        guard !set.ranges.isEmpty else { throw failure(.emptyBracket, at: open) }
        return set
    }

    private mutating func setMember(openedAt open: Int) throws(GlobError) -> Unicode.Scalar {
        var scalar = scalars[index]
        index += 1
        if scalar == "\\" {
            guard index < scalars.count else { throw failure(.unclosedBracket, at: open) }
            scalar = scalars[index]
            index += 1
        }
        return scalar
    }

    private func failure(_ reason: GlobError.Reason, at offset: Int) -> GlobError {
        GlobError(pattern: pattern, reason: reason, offset: offset)
    }
}
