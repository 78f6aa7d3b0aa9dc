/// A byte-level C scanner: finds watched identifiers in code (never in comments or string
/// literals), with the `#if` conditions around each, the macro definition it sits in, and the
/// function it sits in.
///
/// It is the "tokens" layer of the analysis: cheap, sees every preprocessor branch, and never
/// needs headers. libclang then confirms what it can; whatever it cannot confirm is still reported
/// with `found_by = tokens`, so nothing is skipped silently.
public struct CScanner {
    public let bytes: [UInt8]
    public let watched: Set<String>

    public init(bytes: [UInt8], watched: Set<String>) {
        self.bytes = bytes
        self.watched = watched
    }

    public func scan() -> CScanResult {
        var state = ScanState()
        var index = 0
        while index < bytes.count {
            index = step(at: index, state: &state)
        }
        return CScanResult(occurrences: state.occurrences, macros: state.macros, functions: state.functions.spans)
    }

    /// Consumes one lexical element starting at `index` and returns the index after it.
    private func step(at index: Int, state: inout ScanState) -> Int {
        let byte = bytes[index]
        if let end = CLexer.skipTrivia(bytes, at: index) {
            if bytes[index] == UInt8(ascii: "\n") { state.atLineStart = true }
            return end
        }
        if byte == UInt8(ascii: "#") && state.atLineStart {
            return scanDirective(at: index, state: &state)
        }
        state.atLineStart = false
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            return CLexer.skipLiteral(bytes, at: index)
        }
        if CLexer.isIdentifierStart(byte) {
            let end = CLexer.identifierEnd(bytes, from: index)
            noteIdentifier(ByteRange(start: index, end: end), macro: nil, state: &state)
            return end
        }
        if CLexer.isDigit(byte) { return CLexer.numberEnd(bytes, from: index) }
        state.functions.notePunctuation(byte, at: index)
        return index + 1
    }

    private func noteIdentifier(_ range: ByteRange, macro: String?, state: inout ScanState) {
        let name = String(decoding: bytes[range.start..<range.end], as: UTF8.self)
        if macro == nil {
            let next = CLexer.nextSignificant(bytes, from: range.end, stopAtNewline: false)
            state.functions.noteIdentifier(name, followedByParen: next.map { bytes[$0] == UInt8(ascii: "(") } ?? false)
        }
        guard watched.contains(name) else { return }
        state.occurrences.append(
            TokenOccurrence(
                name: name, range: range, conditions: state.conditions.current,
                macro: macro, function: macro == nil ? state.functions.currentFunction : nil))
    }

    /// Handles one preprocessor directive, including backslash continuations, and returns the
    /// index after its final newline (or the end of the file).
    private func scanDirective(at hash: Int, state: inout ScanState) -> Int {
        let end = CLexer.directiveEnd(bytes, from: hash)
        var cursor = CLexer.skipHorizontalTrivia(bytes, from: hash + 1, limit: end)
        let nameEnd = CLexer.identifierEnd(bytes, from: cursor)
        let directive = String(decoding: bytes[cursor..<nameEnd], as: UTF8.self)
        cursor = CLexer.skipHorizontalTrivia(bytes, from: nameEnd, limit: end)
        let rest = ByteRange(start: cursor, end: end)
        state.directiveCount += 1
        noteIncludeGuard(directive, rest, state: &state)
        switch directive {
        case "if", "ifdef", "ifndef", "elif", "else", "endif":
            state.conditions.apply(directive, expression: CLexer.normalizedText(bytes, rest))
        case "define":
            scanDefine(rest, directiveStart: hash, state: &state)
        default:
            break
        }
        state.atLineStart = true
        return end
    }

    /// `#ifndef X` as a file's first directive followed by `#define X` is an include guard.
    private func noteIncludeGuard(_ directive: String, _ rest: ByteRange, state: inout ScanState) {
        let word = String(decoding: bytes[rest.start..<CLexer.identifierEnd(bytes, from: rest.start)], as: UTF8.self)
        if state.directiveCount == 1 && directive == "ifndef" {
            state.guardCandidate = word
        } else if state.directiveCount == 2 && directive == "define" && word == state.guardCandidate {
            state.conditions.markInnermostAsIncludeGuard()
        }
    }

    private func scanDefine(_ rest: ByteRange, directiveStart: Int, state: inout ScanState) {
        guard rest.start < rest.end, CLexer.isIdentifierStart(bytes[rest.start]) else { return }
        let nameEnd = CLexer.identifierEnd(bytes, from: rest.start)
        let name = String(decoding: bytes[rest.start..<nameEnd], as: UTF8.self)
        var bodyStart = nameEnd
        var parameters: [String]? = nil
        if nameEnd < rest.end && bytes[nameEnd] == UInt8(ascii: "("),
            let close = CLexer.matchingParen(bytes, open: nameEnd, limit: rest.end)
        {
            parameters = CLexer.splitArguments(bytes, open: nameEnd, close: close).map {
                String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)
            }
            bodyStart = close + 1
        }
        let body = ByteRange(start: bodyStart, end: rest.end)
        let nameRange = ByteRange(start: rest.start, end: nameEnd)
        state.macros.append(
            MacroDefinitionRecord(
                name: name, nameRange: nameRange, parameters: parameters, body: body,
                directive: ByteRange(start: directiveStart, end: rest.end), conditions: state.conditions.current))
        if watched.contains(name) {
            noteIdentifier(nameRange, macro: name, state: &state)
        }
        var index = bodyStart
        while index < body.end {
            if let skipped = CLexer.skipTrivia(bytes, at: index) {
                index = skipped
            } else if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                index = CLexer.skipLiteral(bytes, at: index)
            } else if CLexer.isIdentifierStart(bytes[index]) {
                let end = CLexer.identifierEnd(bytes, from: index)
                noteIdentifier(ByteRange(start: index, end: end), macro: name, state: &state)
                index = end
            } else if CLexer.isDigit(bytes[index]) {
                index = CLexer.numberEnd(bytes, from: index)
            } else {
                index += 1
            }
        }
    }
}

private struct ScanState {
    var atLineStart = true
    var occurrences: [TokenOccurrence] = []
    var macros: [MacroDefinitionRecord] = []
    var conditions = ConditionStack()
    var functions = FunctionTracker()
    var directiveCount = 0
    var guardCandidate: String?
}

/// One appearance of a watched identifier in code.
public struct TokenOccurrence: Hashable, Sendable {
    public var name: String
    public var range: ByteRange
    /// The `#if` conditions it sits under, outermost first.
    public var conditions: [String]
    /// The macro whose definition (name or body) holds it, if any.
    public var macro: String?
    /// The function whose body holds it, as far as a scanner can tell.
    public var function: String?
}

/// One `#define`.
public struct MacroDefinitionRecord: Hashable, Sendable {
    public var name: String
    public var nameRange: ByteRange
    public var parameters: [String]?
    public var body: ByteRange
    /// From `#` to the end of the last continued line (without the final newline).
    public var directive: ByteRange
    public var conditions: [String]
}

public struct CScanResult: Sendable {
    public var occurrences: [TokenOccurrence]
    public var macros: [MacroDefinitionRecord]
    public var functions: [FunctionSpan]
}
