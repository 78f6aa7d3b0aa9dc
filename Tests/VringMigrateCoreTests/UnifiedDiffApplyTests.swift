import Foundation
import XCTest
@testable import VringMigrateCore

/// Proves the diffs with the real tools: `git apply` and `patch -p1` must turn the old bytes into
/// exactly the new bytes, and on inputs with only one shortest diff our hunks equal `git diff`'s.
final class UnifiedDiffApplyTests: XCTestCase {
    private let numbered = (1...40).map { "\tline_\($0)();\n" }.joined()

    func testInsertionInTheMiddle() throws {
        try assertApplies(old: numbered, new: numbered.replacingOccurrences(of: "line_20();\n", with: "line_20();\n\tinserted();\n"))
    }

    func testInsertionAtStartAndAtEnd() throws {
        try assertApplies(old: numbered, new: "/* head */\n" + numbered)
        try assertApplies(old: numbered, new: numbered + "/* tail */\n")
    }

    func testCRLFLinesKeepTheirCarriageReturns() throws {
        let old = numbered.replacingOccurrences(of: "\n", with: "\r\n")
        let new = old.replacingOccurrences(of: "line_7();\r\n", with: "line_7(vq);\r\n\textra();\r\n")
        try assertApplies(old: Array(old.utf8), new: Array(new.utf8))
    }

    func testLatin1BytesPassThrough() throws {
        var old = Array(numbered.utf8)
        old.insert(contentsOf: [0x2F, 0x2A, 0x20, 0xE9, 0xE8, 0xFC, 0x20, 0x2A, 0x2F, 0x0A], at: 0)
        var new = old
        let at = new.firstIndex(of: UInt8(ascii: "3"))!
        new.insert(contentsOf: [0xA9, 0x20, 0xFF], at: at)
        new += [0x2F, 0x2F, 0xE4, 0x0A]
        try assertApplies(old: old, new: new)
    }

    func testMissingFinalNewlineOnEitherSide() throws {
        let bare = String(numbered.dropLast())
        try assertApplies(old: bare, new: bare.replacingOccurrences(of: "line_40", with: "last"))
        try assertApplies(old: numbered, new: bare)
        try assertApplies(old: bare, new: numbered)
        try assertApplies(old: "only", new: "only\nmore")
    }

    func testMultipleHunks() throws {
        let new = numbered
            .replacingOccurrences(of: "line_2();", with: "first();")
            .replacingOccurrences(of: "line_20();\n", with: "")
            .replacingOccurrences(of: "line_38();", with: "third();")
        let diff = try assertApplies(old: numbered, new: new)
        XCTAssertEqual(diff.components(separatedBy: "\n@@ ").count - 1, 3)
    }

    func testNearbyChangesMergeIntoOneHunk() throws {
        let new = numbered
            .replacingOccurrences(of: "line_10();", with: "ten();")
            .replacingOccurrences(of: "line_17();", with: "seventeen();")
        let diff = try assertApplies(old: numbered, new: new)
        XCTAssertEqual(diff.components(separatedBy: "\n@@ ").count - 1, 1)
    }

    func testEmptyingAndFillingAFile() throws {
        try assertApplies(old: "", new: numbered)
        try assertApplies(old: "gone\n", new: "")
    }

    func testQuotedPathWithSpaceAndNonASCII() throws {
        try assertApplies(old: numbered, new: numbered + "x\n", path: "drivers/ü dir/virtio pci.c")
    }

    func testRandomEditsApply() throws {
        var random = LineDiffTests.SeededGenerator(state: 7)
        for _ in 0..<12 {
            var lines = numbered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let index = Int.random(in: 0..<lines.count, using: &random)
                switch Int.random(in: 0...2, using: &random) {
                case 0: lines.remove(at: index)
                case 1: lines.insert("\tnew_\(index)();", at: index)
                default: lines[index] = "\tline_3();"
                }
            }
            try assertApplies(old: numbered, new: lines.joined(separator: "\n"))
        }
    }

    func testHunksMatchGitDiffWhenTheDiffIsUnique() throws {
        let new = numbered
            .replacingOccurrences(of: "line_5();\n", with: "")
            .replacingOccurrences(of: "line_12();", with: "twelve();")
            .replacingOccurrences(of: "line_30();\n", with: "line_30();\nint added(void)\n")
        let ours = String(decoding: UnifiedDiff.render(path: "f.c", old: Array(numbered.utf8), new: Array(new.utf8)), as: UTF8.self)
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data(numbered.utf8).write(to: directory.appendingPathComponent("old"))
        try Data(new.utf8).write(to: directory.appendingPathComponent("new"))
        let git = try ExternalTool.run(["git", "diff", "--no-index", "--no-color", "--no-ext-diff", "old", "new"], in: directory)
        XCTAssertEqual(git.status, 1, git.output)
        XCTAssertEqual(hunksOnly(ours), hunksOnly(git.output))
    }

    private func hunksOnly(_ diff: String) -> String {
        guard let start = diff.range(of: "\n@@ ") else { return "" }
        return String(diff[start.upperBound...])
    }

    @discardableResult
    private func assertApplies(old: String, new: String, path: String = "drivers/virtio/virtio_pci.c",
                               file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try assertApplies(old: Array(old.utf8), new: Array(new.utf8), path: path, file: file, line: line)
    }

    /// Applies the rendered diff with `git apply` in a fresh repository and with `patch -p1` in a
    /// plain directory, and compares the patched bytes with `new`.
    @discardableResult
    private func assertApplies(old: [UInt8], new: [UInt8], path: String = "drivers/virtio/virtio_pci.c",
                               file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let diff = UnifiedDiff.render(path: path, old: old, new: new)
        XCTAssertFalse(diff.isEmpty, "no diff for different inputs", file: file, line: line)
        let root = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let patchFile = root.appendingPathComponent("change.diff")
        try Data(diff).write(to: patchFile)
        let tools: [(name: String, setup: [[String]], apply: [String])] = [
            ("git", [["git", "init", "-q"]], ["git", "apply", "--whitespace=nowarn", patchFile.path]),
            ("patch", [], ["patch", "-p1", "--batch", "--silent", "--no-backup-if-mismatch", "-i", patchFile.path]),
        ]
        for tool in tools {
            let tree = root.appendingPathComponent(tool.name)
            let target = tree.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(old).write(to: target)
            for command in tool.setup { _ = try ExternalTool.run(command, in: tree) }
            let result = try ExternalTool.run(tool.apply, in: tree)
            XCTAssertEqual(result.status, 0, "\(tool.name): \(result.output)", file: file, line: line)
            let patched = FileManager.default.contents(atPath: target.path).map { Array($0) }
            XCTAssertEqual(patched, new, "\(tool.name) produced different bytes for\n\(String(decoding: diff, as: UTF8.self))",
                           file: file, line: line)
        }
        return String(decoding: diff, as: UTF8.self)
    }
}
