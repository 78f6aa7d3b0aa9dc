import XCTest
@testable import VringMigrateCore

/// The edit engine's laws: order does not matter, overlaps are loud, identical edits collapse.
final class EditSetPropertyTests: XCTestCase {
    let original = Array("abcdefghijklmnopqrstuvwxyz\n".utf8)

    /// Non-overlapping edits drawn from a seeded generator (deterministic, no global state).
    func randomEdits(seed: UInt64) -> [SourceEdit] {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var edits: [SourceEdit] = []
        var cursor = 0
        while cursor < original.count - 2 {
            let start = cursor + next(3)
            let end = min(original.count, start + next(3))
            edits.append(SourceEdit(path: "f.c", range: ByteRange(start: start, end: end), replacement: "<\(start)>"))
            cursor = end + 1
        }
        return edits
    }

    func permutations<T>(_ items: [T]) -> [[T]] {
        guard items.count > 1 else { return [items] }
        return items.indices.flatMap { index -> [[T]] in
            var rest = items
            let head = rest.remove(at: index)
            return permutations(rest).map { [head] + $0 }
        }
    }

    func testEveryOrderGivesTheSameResult() throws {
        for seed in 1...20 as ClosedRange<UInt64> {
            let edits = Array(randomEdits(seed: seed).prefix(5))
            let expected = try EditSet(edits).apply(to: original, path: "f.c")
            for order in permutations(edits) {
                XCTAssertEqual(try EditSet(order).apply(to: original, path: "f.c"), expected)
            }
        }
    }

    func testOverlappingEditsRaiseAConflictNamingBoth() {
        let first = SourceEdit(path: "f.c", range: ByteRange(start: 2, end: 6), replacement: "X")
        let second = SourceEdit(path: "f.c", range: ByteRange(start: 5, end: 8), replacement: "Y")
        XCTAssertThrowsError(try EditSet([first, second])) { error in
            let conflict = error as? EditConflict
            XCTAssertEqual(conflict?.existing, first)
            XCTAssertEqual(conflict?.incoming, second)
        }
        let insideInsert = SourceEdit.insert("Z", at: 4, in: "f.c")
        XCTAssertThrowsError(try EditSet([first, insideInsert]))
        XCTAssertThrowsError(try EditSet([.insert("A", at: 3, in: "f.c"), .insert("B", at: 3, in: "f.c")]))
    }

    func testIdenticalEditsCollapseAndApplyingTwiceEqualsOnce() throws {
        let edit = SourceEdit.insert("true, ", at: 3, in: "f.c")
        let set = try EditSet([edit, edit])
        XCTAssertEqual(set.count, 1)
        let once = set.apply(to: original, path: "f.c")
        XCTAssertEqual(once, Array("abctrue, defghijklmnopqrstuvwxyz\n".utf8))
    }
}
