/// Reads what a barrier helper expands to: its fence primitives, split into the weak and strong
/// arms of an `if (weak) … else …` choice, or one `always` arm.
public enum BarrierArms {
    /// Every fence-like primitive a barrier helper may expand to.
    public static let fenceNames: Set<String> = [
        "smp_mb", "smp_rmb", "smp_wmb", "virt_mb", "virt_rmb", "virt_wmb", "mb", "rmb", "wmb",
        "dma_rmb", "dma_wmb", "dma_mb", "barrier", "smp_store_mb", "virt_store_mb", "smp_store_release",
        "smp_load_acquire", "__smp_mb", "__smp_rmb", "__smp_wmb",
    ]

    /// The arms of a helper whose expansion text is `body` (a macro body or a function body).
    public static func arms(in bytes: [UInt8], body: ByteRange, branch: [String]) -> [BarrierArm] {
        let tokens = identifierTokens(in: bytes, range: body)
        let branchText = branch.joined(separator: " && ")
        guard let ifIndex = tokens.firstIndex(where: { $0.text == "if" }),
            let open = CLexer.nextSignificant(bytes, from: tokens[ifIndex].range.end, stopAtNewline: false),
            bytes[open] == UInt8(ascii: "("),
            let close = CLexer.matchingParen(bytes, open: open, limit: body.end),
            let elseToken = tokens.first(where: { $0.text == "else" && $0.range.start > close })
        else {
            return [BarrierArm(arm: "always", condition: branchText, branch: branch, fences: fences(tokens, in: body), range: body)]
        }
        let test = CLexer.normalizedText(bytes, ByteRange(start: open + 1, end: close))
        let thenRange = ByteRange(start: close + 1, end: elseToken.range.start)
        let elseRange = ByteRange(start: elseToken.range.end, end: body.end)
        let thenIsWeak = !test.hasPrefix("!")
        let weakRange = thenIsWeak ? thenRange : elseRange
        let strongRange = thenIsWeak ? elseRange : thenRange
        let positive = thenIsWeak ? test : String(test.dropFirst())
        func joined(_ parts: [String]) -> String { parts.filter { !$0.isEmpty }.joined(separator: " && ") }
        return [
            BarrierArm(arm: "weak", condition: joined([branchText, positive]), branch: branch,
                fences: fences(tokens, in: weakRange), range: weakRange),
            BarrierArm(arm: "strong", condition: joined([branchText, "!(\(positive))"]), branch: branch,
                fences: fences(tokens, in: strongRange), range: strongRange),
        ]
    }

    private static func fences(_ tokens: [(text: String, range: ByteRange)], in range: ByteRange) -> [String] {
        tokens.filter { range.contains($0.range.start) && fenceNames.contains($0.text) }.map(\.text)
    }

    /// Identifiers in code (comments and literals skipped) within `range`.
    public static func identifierTokens(in bytes: [UInt8], range: ByteRange) -> [(text: String, range: ByteRange)] {
        var result: [(String, ByteRange)] = []
        var index = range.start
        while index < range.end {
            if let next = CLexer.skipTrivia(bytes, at: index) {
                index = next
            } else if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                index = CLexer.skipLiteral(bytes, at: index)
            } else if CLexer.isIdentifierStart(bytes[index]) {
                let end = CLexer.identifierEnd(bytes, from: index)
                result.append((String(decoding: bytes[index..<end], as: UTF8.self), ByteRange(start: index, end: end)))
                index = end
            } else if CLexer.isDigit(bytes[index]) {
                index = CLexer.numberEnd(bytes, from: index)
            } else {
                index += 1
            }
        }
        return result
    }
}
