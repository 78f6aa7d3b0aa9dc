import Vring

/// Parses the kernel's C litmus format (the subset in `LitmusSubset`).
///
///     C NAME
///     (* comments, possibly "Result: Never" *)
///     { x=1; p=y; 0:r0=2; }
///     P0(int *x, int *y) { ... }
///     P1(int *x, int *y) { ... }
///     locations [...]                       (ignored)
///     filter (...)                          (optional)
///     exists (0:r0=1 /\ ~(x=2))              (or ~exists, forall)
public enum LitmusParser {
    public static func parse(_ text: String) throws(LitmusError) -> LitmusTest {
        let (name, bodyStart, headerLine) = try header(text)
        var lexer = LitmusLexer(text[bodyStart...], firstLine: headerLine + 1)
        let tokens = try lexer.tokens()
        if let reason = LitmusSubset.refusal(tokens) { throw .refused(reason) }
        var cursor = LitmusCursor(tokens)
        let initial = try LitmusInitParser.parse(&cursor)
        var threads: [LitmusThread] = []
        while let word = cursor.peek?.identifier, LitmusSubset.isThreadName(word) {
            threads.append(try LitmusBodyParser.parseThread(&cursor, index: threads.count))
        }
        guard !threads.isEmpty else { throw cursor.error("expected a thread P0(...)") }
        let (filter, condition) = try LitmusConditionParser.parseFinal(&cursor)
        let locations = orderedLocations(initial.values.keys.sorted(), threads)
        return LitmusTest(
            name: name, declaredResult: declaredResult(in: text),
            locations: locations, initialValues: initial.values,
            registerInitialValues: initial.registers, threads: threads, filter: filter,
            condition: condition)
    }

    /// The test's name from its `C NAME` line, without parsing the rest.
    public static func testName(in text: String) -> String? {
        try? header(text).0
    }

    /// The name from the `C NAME` line and where the rest starts.
    private static func header(_ text: String) throws(LitmusError) -> (String, String.Index, Int) {
        var lineNumber = 0
        var index = text.startIndex
        while index < text.endIndex {
            lineNumber += 1
            let end = text[index...].firstIndex(of: "\n") ?? text.endIndex
            let line = text[index..<end].trimmingWhitespace
            let next = end < text.endIndex ? text.index(after: end) : end
            if !line.isEmpty {
                let words = line.split(separator: " ", maxSplits: 1)
                guard words.first == "C", words.count == 2 else {
                    throw .refused("not a C litmus test (first line is \"\(line)\")")
                }
                return (String(words[1]).trimmingWhitespace, next, lineNumber)
            }
            index = next
        }
        throw .syntax(line: 1, "empty litmus test")
    }

    /// `Result: Never` in the comment the kernel's tests carry before the initial state.
    private static func declaredResult(in text: String) -> LitmusVerdict? {
        guard let range = text.firstRange(of: "Result:") else { return nil }
        let word = text[range.upperBound...].drop { $0.isWhitespace }.prefix { $0.isLetter }
        return LitmusVerdict(rawValue: String(word))
    }

    private static func orderedLocations(_ initialized: [String], _ threads: [LitmusThread]) -> [String] {
        var seen: [String] = []
        for name in threads.flatMap(\.parameters) + initialized where !seen.contains(name) {
            seen.append(name)
        }
        return seen
    }
}

/// A position in the token list with the small helpers every parser part needs.
struct LitmusCursor {
    private let tokens: [LitmusToken]
    private(set) var position = 0

    init(_ tokens: [LitmusToken]) { self.tokens = tokens }

    var peek: LitmusToken? { position < tokens.count ? tokens[position] : nil }
    var isAtEnd: Bool { position >= tokens.count }

    func peek(ahead offset: Int) -> LitmusToken? {
        position + offset < tokens.count ? tokens[position + offset] : nil
    }

    mutating func advance() -> LitmusToken? {
        defer { position += 1 }
        return peek
    }

    /// Consumes `symbol` if it comes next.
    mutating func accept(_ symbol: String) -> Bool {
        guard peek?.symbol == symbol || peek?.identifier == symbol else { return false }
        position += 1
        return true
    }

    mutating func expect(_ symbol: String) throws(LitmusError) {
        guard accept(symbol) else { throw error("expected '\(symbol)'") }
    }

    mutating func identifier() throws(LitmusError) -> String {
        guard let name = peek?.identifier else { throw error("expected a name") }
        position += 1
        return name
    }

    func error(_ message: String) -> LitmusError {
        guard let token = peek else { return .syntax(line: tokens.last?.line ?? 1, message + " at end of test") }
        return .syntax(line: token.line, message + ", found '\(token.spelling)'")
    }
}

extension StringProtocol {
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
