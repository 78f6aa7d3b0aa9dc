import Vring

/// What the oracle accepts of the C litmus format, and the refusal for everything else.
///
/// Accepted: one or two threads; int and pointer variables; READ_ONCE, WRITE_ONCE,
/// smp_load_acquire, smp_store_release, smp_store_mb; every fence primitive of `FencePrimitive`
/// (smp_mb, rmb, dma_wmb, barrier, ...); if/else; `exists`, `~exists`, `forall`, `filter`,
/// `locations`. Refused: locks, RCU, atomics, xchg/cmpxchg, arrays, plain accesses, three or
/// more threads — each named in the refusal.
enum LitmusSubset {
    static let fenceNames: [String: FencePrimitive] = Dictionary(
        uniqueKeysWithValues: FencePrimitive.allCases.map { ($0.rawValue, $0) })

    static let supportedCalls: Set<String> = Set(fenceNames.keys).union([
        "READ_ONCE", "WRITE_ONCE", "smp_load_acquire", "smp_store_release", "smp_store_mb",
    ])

    /// Words that are followed by "(" without being calls.
    static let keywords: Set<String> = ["if", "exists", "forall", "filter", "locations", "while", "for"]

    /// Types herd7 knows but the oracle does not model.
    static let unsupportedTypes: Set<String> = ["spinlock_t", "atomic_t", "atomic_long_t", "atomic64_t", "srcu_struct"]

    /// The reason to refuse `tokens` (the test after its header), or nil when it is in the subset.
    static func refusal(_ tokens: [LitmusToken]) -> String? {
        var uses: [String] = []
        func note(_ what: String) { if !uses.contains(what) { uses.append(what) } }
        var threads = 0
        var inLocationsClause = false
        for (position, token) in tokens.enumerated() {
            let following = position + 1 < tokens.count ? tokens[position + 1].symbol : nil
            if let name = token.identifier {
                if name == "locations" { inLocationsClause = true }
                if isThreadName(name) && following == "(" {
                    threads += 1
                } else if unsupportedTypes.contains(name) {
                    note(name)
                } else if following == "(" && !supportedCalls.contains(name) && !keywords.contains(name) {
                    note(name)
                } else if name == "while" || name == "for" || name == "switch" || name == "goto" {
                    note("'\(name)'")
                }
            } else if token.symbol == "[" && !inLocationsClause {
                note("arrays")
            } else if token.symbol == "]" {
                inLocationsClause = false
            }
        }
        if threads > 2 { uses.insert("\(threads) threads (the oracle models one or two)", at: 0) }
        return uses.isEmpty ? nil : "uses " + uses.joined(separator: ", ")
    }

    static func isThreadName(_ name: String) -> Bool {
        name.count > 1 && name.first == "P" && name.dropFirst().allSatisfy(\.isNumber)
    }
}
