/// A minimal line diff: which old lines are deleted and which new lines are inserted.
///
/// Myers' O(ND) algorithm in its linear-space form (the "middle snake" bisection), the same one
/// git's xdiff uses, so a diff of a large file with a small change costs little memory. Lines are
/// compared as integers: `LineDiff.changes` interns every distinct line first.
enum LineDiff {
    /// `oldChanged[i]` is true when old line `i` is deleted; `newChanged[j]` when new line `j` is
    /// inserted. Unchanged lines pair up in order.
    struct Changes: Equatable {
        var oldChanged: [Bool]
        var newChanged: [Bool]
    }

    static func changes(old: [ArraySlice<UInt8>], new: [ArraySlice<UInt8>]) -> Changes {
        var ids: [ArraySlice<UInt8>: Int] = [:]
        let oldIDs = old.map { line in intern(line, in: &ids) }
        let newIDs = new.map { line in intern(line, in: &ids) }
        return changes(old: oldIDs, new: newIDs)
    }

    /// Lines that occur on one side only can never be matched, so they are marked changed up
    /// front and the search runs on the rest (as xdiff's `xdl_cleanup_records` does): a rewritten
    /// file costs little, and the result stays minimal.
    static func changes(old: [Int], new: [Int]) -> Changes {
        let oldIDs = Set(old)
        let newIDs = Set(new)
        let oldKept = old.indices.filter { newIDs.contains(old[$0]) }
        let newKept = new.indices.filter { oldIDs.contains(new[$0]) }
        var state = State(old: oldKept.map { old[$0] }, new: newKept.map { new[$0] })
        state.compare(oldRange: 0..<oldKept.count, newRange: 0..<newKept.count)
        var result = Changes(oldChanged: Array(repeating: true, count: old.count),
                             newChanged: Array(repeating: true, count: new.count))
        for (reduced, original) in oldKept.enumerated() { result.oldChanged[original] = state.oldChanged[reduced] }
        for (reduced, original) in newKept.enumerated() { result.newChanged[original] = state.newChanged[reduced] }
        return result
    }

    private static func intern(_ line: ArraySlice<UInt8>, in ids: inout [ArraySlice<UInt8>: Int]) -> Int {
        if let id = ids[line] { return id }
        let id = ids.count
        ids[line] = id
        return id
    }

    private struct State {
        let old: [Int]
        let new: [Int]
        var oldChanged: [Bool]
        var newChanged: [Bool]

        init(old: [Int], new: [Int]) {
            self.old = old
            self.new = new
            oldChanged = Array(repeating: false, count: old.count)
            newChanged = Array(repeating: false, count: new.count)
        }

        /// Marks the changes between two sub-ranges: strip the common ends, then split at a point
        /// on an optimal path and recurse on both halves.
        mutating func compare(oldRange: Range<Int>, newRange: Range<Int>) {
            var (oldLow, oldHigh, newLow, newHigh) =
                (oldRange.lowerBound, oldRange.upperBound, newRange.lowerBound, newRange.upperBound)
            while oldLow < oldHigh && newLow < newHigh && old[oldLow] == new[newLow] {
                oldLow += 1
                newLow += 1
            }
            while oldLow < oldHigh && newLow < newHigh && old[oldHigh - 1] == new[newHigh - 1] {
                oldHigh -= 1
                newHigh -= 1
            }
            if oldLow == oldHigh || newLow == newHigh {
                for index in oldLow..<oldHigh { oldChanged[index] = true }
                for index in newLow..<newHigh { newChanged[index] = true }
                return
            }
            let split = middleSnake(oldLow: oldLow, oldHigh: oldHigh, newLow: newLow, newHigh: newHigh)
            compare(oldRange: oldLow..<split.old, newRange: newLow..<split.new)
            compare(oldRange: split.old..<oldHigh, newRange: split.new..<newHigh)
        }

        /// A point where a forward and a backward furthest-reaching D-path meet; both halves of
        /// the edit script on either side of it are then shortest.
        private func middleSnake(oldLow: Int, oldHigh: Int, newLow: Int, newHigh: Int) -> (old: Int, new: Int) {
            let oldCount = oldHigh - oldLow
            let newCount = newHigh - newLow
            let maxD = (oldCount + newCount + 1) / 2
            let offset = maxD + 1
            var forward = Array(repeating: -1, count: 2 * maxD + 3)
            var backward = forward
            forward[offset + 1] = 0
            backward[offset + 1] = 0
            let delta = oldCount - newCount
            let deltaIsOdd = delta & 1 != 0
            let sameOld = { (x: Int, y: Int) in old[oldLow + x] == new[newLow + y] }
            let sameBack = { (x: Int, y: Int) in old[oldHigh - 1 - x] == new[newHigh - 1 - y] }
            for d in 0...maxD {
                for k in Self.diagonals(d: d, old: oldCount, new: newCount) {
                    let x = Self.advance(&forward, k: k, d: d, offset: offset,
                                         limits: (oldCount, newCount), same: sameOld)
                    let mirror = offset + delta - k
                    if deltaIsOdd, abs(delta - k) <= d - 1, backward[mirror] >= 0,
                       x + backward[mirror] >= oldCount {
                        return (oldLow + x, newLow + x - k)
                    }
                }
                for k in Self.diagonals(d: d, old: oldCount, new: newCount) {
                    let x = Self.advance(&backward, k: k, d: d, offset: offset,
                                         limits: (oldCount, newCount), same: sameBack)
                    let mirror = offset + delta - k
                    if !deltaIsOdd, abs(delta - k) <= d, forward[mirror] >= 0,
                       forward[mirror] + x >= oldCount {
                        let forwardX = forward[mirror]
                        return (oldLow + forwardX, newLow + forwardX - (delta - k))
                    }
                }
            }
            preconditionFailure("Myers bisection found no middle snake")
        }

        /// Diagonals `k = x - y` a D-path can end on: `-d...d` in steps of two, clipped to the
        /// ones that cross the grid so no path ever leaves it.
        private static func diagonals(d: Int, old: Int, new: Int) -> StrideThrough<Int> {
            var low = max(-d, -new)
            var high = min(d, old)
            if (low + d) & 1 != 0 { low += 1 }
            if (high + d) & 1 != 0 { high -= 1 }
            return stride(from: low, through: high, by: 2)
        }

        /// Extends the furthest-reaching path on diagonal `k` by one edit and then along its snake;
        /// returns (and stores) how far along the old side it got. A move that would step off the
        /// grid is clamped to its edge: distances never decrease along a diagonal, so every point
        /// before a reachable one is reachable too.
        private static func advance(
            _ v: inout [Int], k: Int, d: Int, offset: Int, limits: (old: Int, new: Int),
            same: (Int, Int) -> Bool
        ) -> Int {
            var x: Int
            if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                x = v[offset + k + 1]
            } else {
                x = v[offset + k - 1] + 1
            }
            x = min(x, limits.old, limits.new + k)
            var y = x - k
            while x < limits.old && y < limits.new && same(x, y) {
                x += 1
                y += 1
            }
            v[offset + k] = x
            return x
        }
    }
}
