import VringMigrateCore

/// What one function does to the ring, in source order: ring-field mentions and fences, with the
/// bodies of same-file functions it calls spliced in at the call (`more_used(vq)` reads
/// `used->idx`), two levels deep.
///
/// Source order is the order `barrier-strength` reasons in; it does not follow branches or loops,
/// which is why the rule only judges the nearest access on each side of a barrier.
struct RingTimeline {
    struct Entry {
        enum Kind {
            case mention(RingMention)
            case fence(String)
        }

        var kind: Kind
        /// Where it happens in the analysed function: its own bytes, or the call that reaches it.
        var anchor: ByteRange
        /// The called function it comes from, when spliced in.
        var via: String?
    }

    static let maximumDepth = 2
    static let fenceNames = BarrierArms.fenceNames.union(WatchedNames.barrierHelpers)

    private(set) var entries: [Entry] = []

    init(function: FunctionSpan, file: SourceFile, functions: [FunctionSpan]) {
        entries = Self.entries(of: function, file: file, functions: functions, depth: 0, visiting: [function.name])
    }

    private static func entries(
        of function: FunctionSpan, file: SourceFile, functions: [FunctionSpan], depth: Int, visiting: Set<String>
    ) -> [Entry] {
        let tokens = CTokenizer.tokens(file.bytes, in: function.body)
        var result: [Entry] = []
        var index = 0
        while index < tokens.count {
            if let (mention, next) = RingMentionReader.mention(in: tokens, at: index) {
                result.append(Entry(kind: .mention(mention), anchor: mention.range))
                index = next
                continue
            }
            let token = tokens[index]
            if token.kind == .identifier, index + 1 < tokens.count, tokens[index + 1].is("(") {
                if fenceNames.contains(token.text) {
                    result.append(Entry(kind: .fence(token.text), anchor: token.range))
                } else if depth < maximumDepth, !visiting.contains(token.text),
                    let callee = functions.first(where: { $0.name == token.text }) {
                    let inner = entries(of: callee, file: file, functions: functions, depth: depth + 1, visiting: visiting.union([callee.name]))
                    result += inner.map { Entry(kind: $0.kind, anchor: token.range, via: callee.name) }
                }
            }
            index += 1
        }
        return result
    }

    /// The index of the fence entry spelled at `offset`.
    func fenceIndex(at offset: Int) -> Int? {
        entries.firstIndex { entry in
            if case .fence = entry.kind { return entry.anchor.start == offset && entry.via == nil }
            return false
        }
    }
}
