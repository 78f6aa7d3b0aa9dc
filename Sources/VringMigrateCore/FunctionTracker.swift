/// Tracks which top-level function body the scanner is in, by shape alone: an identifier followed
/// by a parenthesised list at file scope, then `{` with no `;` or `=` in between.
struct FunctionTracker {
    private var braceDepth = 0
    private var parenDepth = 0
    private var candidate: String?
    private var candidateClosed = false
    private var bodyStart = 0
    private(set) var currentFunction: String?
    private(set) var spans: [FunctionSpan] = []

    mutating func noteIdentifier(_ name: String, followedByParen: Bool) {
        guard braceDepth == 0, parenDepth == 0 else { return }
        if followedByParen && !Self.keywords.contains(name) {
            candidate = name
            candidateClosed = false
        } else if candidateClosed && !Self.attributeWords.contains(name) && !name.hasPrefix("__") {
            candidate = nil
        }
    }

    mutating func notePunctuation(_ byte: UInt8, at offset: Int) {
        switch byte {
        case UInt8(ascii: "("):
            parenDepth += 1
        case UInt8(ascii: ")"):
            parenDepth = max(0, parenDepth - 1)
            if parenDepth == 0 && braceDepth == 0 && candidate != nil { candidateClosed = true }
        case UInt8(ascii: "{"):
            if braceDepth == 0 && parenDepth == 0 && candidateClosed, let name = candidate {
                currentFunction = name
                bodyStart = offset
            }
            braceDepth += 1
        case UInt8(ascii: "}"):
            braceDepth = max(0, braceDepth - 1)
            if braceDepth == 0 {
                if let name = currentFunction {
                    spans.append(FunctionSpan(name: name, body: ByteRange(start: bodyStart, end: offset + 1)))
                }
                currentFunction = nil
                candidate = nil
                candidateClosed = false
            }
        case UInt8(ascii: ";"), UInt8(ascii: "="):
            if braceDepth == 0 { candidate = nil; candidateClosed = false }
        default:
            break
        }
    }

    private static let keywords: Set<String> = ["if", "while", "for", "switch", "return", "sizeof", "__attribute__", "typeof", "__typeof__"]
    private static let attributeWords: Set<String> = ["const", "volatile"]
}

/// A function body found by shape.
public struct FunctionSpan: Hashable, Sendable {
    public var name: String
    public var body: ByteRange
}
