/// Depth-first enumeration of the choices a re-executed run makes.
///
/// Each run replays the recorded prefix of choices, then takes the first option at every new
/// choice point and records it; `advance()` moves to the next unexplored combination. Thread
/// code is deterministic given its choices, so a replayed prefix meets the same choice points.
struct ChoiceStack<Option> {
    private var frames: [(options: [Option], taken: Int)] = []
    private var depth = 0

    /// Starts a new run from the first choice point.
    mutating func rewind() { depth = 0 }

    /// The option for the next choice point; nil when `makeOptions` offers none (a dead end).
    mutating func choose(_ makeOptions: () -> [Option]) -> Option? {
        if depth < frames.count {
            defer { depth += 1 }
            return frames[depth].options[frames[depth].taken]
        }
        let options = makeOptions()
        guard !options.isEmpty else { return nil }
        frames.append((options, 0))
        depth += 1
        return options[0]
    }

    /// Steps to the next combination; false when every one has been run.
    mutating func advance() -> Bool {
        frames.removeSubrange(min(depth, frames.count)...)
        while let last = frames.last {
            if last.taken + 1 < last.options.count {
                frames[frames.count - 1].taken += 1
                return true
            }
            frames.removeLast()
        }
        return false
    }
}

/// Every combination taking one element from each list.
func cartesianProduct<T>(_ lists: [[T]]) -> [[T]] {
    lists.reduce([[]]) { partial, list in
        partial.flatMap { prefix in list.map { prefix + [$0] } }
    }
}

/// Every interleaving of two sequences that keeps each one's order.
func interleavings<T>(_ first: [T], _ second: [T]) -> [[T]] {
    if first.isEmpty { return [second] }
    if second.isEmpty { return [first] }
    let takeFirst = interleavings(Array(first.dropFirst()), second).map { [first[0]] + $0 }
    let takeSecond = interleavings(first, Array(second.dropFirst())).map { [second[0]] + $0 }
    return takeFirst + takeSecond
}
