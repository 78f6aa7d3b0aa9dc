import XCTest
@testable import VringMigrateCore

final class LineDiffTests: XCTestCase {
    /// SplitMix64, so the random cases are the same on every run.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func testRandomSequencesGiveAMinimalConsistentScript() {
        var random = SeededGenerator(state: 42)
        for round in 0..<3000 {
            // Small alphabets force many equal lines; larger ones leave lines unique to one side.
            let alphabet = round % 3 == 0 ? 9 : 3
            let old = (0..<Int.random(in: 0...14, using: &random)).map { _ in Int.random(in: 0...alphabet, using: &random) }
            let new = (0..<Int.random(in: 0...14, using: &random)).map { _ in Int.random(in: 0...alphabet, using: &random) }
            let changes = LineDiff.changes(old: old, new: new)
            let keptOld = zip(old, changes.oldChanged).filter { !$0.1 }.map(\.0)
            let keptNew = zip(new, changes.newChanged).filter { !$0.1 }.map(\.0)
            XCTAssertEqual(keptOld, keptNew, "old \(old) new \(new)")
            XCTAssertEqual(keptOld.count, longestCommonSubsequence(old, new), "old \(old) new \(new)")
        }
    }

    func testIdenticalAndDisjointInputs() {
        XCTAssertEqual(LineDiff.changes(old: [1, 2, 3], new: [1, 2, 3]),
                       .init(oldChanged: [false, false, false], newChanged: [false, false, false]))
        XCTAssertEqual(LineDiff.changes(old: [1, 2], new: [3]),
                       .init(oldChanged: [true, true], newChanged: [true]))
        XCTAssertEqual(LineDiff.changes(old: [], new: [7]), .init(oldChanged: [], newChanged: [true]))
    }

    func testLargeFileWithFewChangesStaysFast() {
        let old = Array(0..<20_000)
        var new = old
        new.remove(at: 15_000)
        new.insert(-1, at: 10)
        new[7_000] = -2
        let start = Date()
        let changes = LineDiff.changes(old: old, new: new)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2.0)
        XCTAssertEqual(changes.oldChanged.filter { $0 }.count, 2)
        XCTAssertEqual(changes.newChanged.filter { $0 }.count, 2)
    }

    func testCompletelyRewrittenLargeInputsStayFast() {
        let old = Array(0..<50_000)
        let new = Array(50_000..<90_000)
        let start = Date()
        let changes = LineDiff.changes(old: old, new: new)
        XCTAssertLessThan(Date().timeIntervalSince(start), 2.0)
        XCTAssertTrue(changes.oldChanged.allSatisfy { $0 })
        XCTAssertTrue(changes.newChanged.allSatisfy { $0 })
    }

    private func longestCommonSubsequence(_ a: [Int], _ b: [Int]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }
}
