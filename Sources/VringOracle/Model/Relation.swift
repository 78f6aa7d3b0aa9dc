/// A binary relation over the events of one candidate execution, stored as one bit row per event.
///
/// Executions stay small (a few dozen events), so dense bit rows make composition, union and
/// transitive closure cheap enough to run for every candidate the explorer builds.
struct Relation: Equatable {
    let size: Int
    let wordsPerRow: Int
    private(set) var words: [UInt64]

    init(size: Int) {
        self.size = size
        wordsPerRow = max(1, (size + 63) / 64)
        words = Array(repeating: 0, count: wordsPerRow * size)
    }

    static func identity(size: Int) -> Relation {
        var relation = Relation(size: size)
        for event in 0..<size { relation.insert(event, event) }
        return relation
    }

    func contains(_ from: Int, _ to: Int) -> Bool {
        words[from * wordsPerRow + to >> 6] & (1 << UInt64(to & 63)) != 0
    }

    mutating func insert(_ from: Int, _ to: Int) {
        words[from * wordsPerRow + to >> 6] |= 1 << UInt64(to & 63)
    }

    var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Targets of `from`, ascending.
    func successors(of from: Int) -> [Int] {
        var result: [Int] = []
        for word in 0..<wordsPerRow {
            var bits = words[from * wordsPerRow + word]
            while bits != 0 {
                result.append(word * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return result
    }

    /// Every pair, row by row.
    var pairs: [(Int, Int)] {
        (0..<size).flatMap { from in successors(of: from).map { (from, $0) } }
    }

    func union(_ other: Relation) -> Relation {
        var result = self
        for index in result.words.indices { result.words[index] |= other.words[index] }
        return result
    }

    func intersection(_ other: Relation) -> Relation {
        var result = self
        for index in result.words.indices { result.words[index] &= other.words[index] }
        return result
    }

    func subtracting(_ other: Relation) -> Relation {
        var result = self
        for index in result.words.indices { result.words[index] &= ~other.words[index] }
        return result
    }

    /// `self ; other`: a pair (a, c) for every b with (a, b) in self and (b, c) in other.
    func then(_ other: Relation) -> Relation {
        var result = Relation(size: size)
        for from in 0..<size {
            let base = from * wordsPerRow
            for middle in successors(of: from) {
                let otherBase = middle * wordsPerRow
                for word in 0..<wordsPerRow {
                    result.words[base + word] |= other.words[otherBase + word]
                }
            }
        }
        return result
    }

    /// Every pair not in the relation.
    var complement: Relation {
        var result = self
        let lastBits = size % 64
        for from in 0..<size {
            for word in 0..<wordsPerRow {
                let index = from * wordsPerRow + word
                result.words[index] = ~words[index]
                if word == wordsPerRow - 1 && lastBits != 0 { result.words[index] &= (1 << UInt64(lastBits)) - 1 }
            }
        }
        return result
    }

    var inverse: Relation {
        var result = Relation(size: size)
        for (from, to) in pairs { result.insert(to, from) }
        return result
    }

    /// `r?`: the relation plus identity.
    var reflexive: Relation { union(.identity(size: size)) }

    /// `r+` by Warshall's algorithm on bit rows.
    var transitiveClosure: Relation {
        var result = self
        for middle in 0..<size {
            let middleBase = middle * wordsPerRow
            let bit = UInt64(1) << UInt64(middle & 63)
            for from in 0..<size where result.words[from * wordsPerRow + middle >> 6] & bit != 0 {
                let base = from * wordsPerRow
                for word in 0..<wordsPerRow {
                    result.words[base + word] |= result.words[middleBase + word]
                }
            }
        }
        return result
    }

    /// `r*`.
    var reflexiveTransitiveClosure: Relation { transitiveClosure.reflexive }

    /// Keeps only pairs whose both ends satisfy the filters (`[A] ; r ; [B]`).
    func restricted(from source: (Int) -> Bool, to target: (Int) -> Bool) -> Relation {
        var result = Relation(size: size)
        for (from, to) in pairs where source(from) && target(to) { result.insert(from, to) }
        return result
    }

    var isAcyclic: Bool { firstCycle() == nil }

    /// Some event lying on a cycle, or nil when the relation is acyclic.
    func firstCycle() -> Int? {
        let closure = transitiveClosure
        return (0..<size).first { closure.contains($0, $0) }
    }
}
