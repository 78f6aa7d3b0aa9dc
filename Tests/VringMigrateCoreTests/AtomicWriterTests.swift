import Foundation
import XCTest
@testable import VringMigrateCore

/// apply's write path: the file is replaced whole or not at all, and refused when it changed, is
/// read-only or leads out of the tree; every refusal leaves the bytes untouched.
final class AtomicWriterTests: XCTestCase {
    var tree: String!
    var outside: String!

    override func setUpWithError() throws {
        tree = NSTemporaryDirectory() + "vm-tree-" + UUID().uuidString
        outside = NSTemporaryDirectory() + "vm-outside-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: tree)
        try? FileManager.default.removeItem(atPath: outside)
    }

    func write(_ path: String, _ text: String, mode: Int = 0o644) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
    }

    func read(_ path: String) -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }

    func testReplacesTheFileAndKeepsItsMode() throws {
        let path = tree + "/a.c"
        try write(path, "old\n", mode: 0o640)
        try AtomicWriter.replace(path, treeRoot: tree, expected: Array("old\n".utf8), with: Array("new\n".utf8))
        XCTAssertEqual(read(path), "new\n")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o640)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tree).filter { $0.hasPrefix(".vringmigrate-") }
        XCTAssertEqual(leftovers, [])
    }

    func testAFileThatChangedSinceAnalysisIsNotTouched() throws {
        let path = tree + "/a.c"
        try write(path, "edited by someone else\n")
        XCTAssertThrowsError(try AtomicWriter.replace(path, treeRoot: tree, expected: Array("old\n".utf8), with: Array("new\n".utf8))) {
            XCTAssertEqual($0 as? AtomicWriter.Refusal, .changedSinceAnalysis)
        }
        XCTAssertEqual(read(path), "edited by someone else\n")
    }

    func testAReadOnlyFileIsNotTouched() throws {
        let path = tree + "/a.c"
        try write(path, "old\n", mode: 0o444)
        XCTAssertThrowsError(try AtomicWriter.replace(path, treeRoot: tree, expected: Array("old\n".utf8), with: Array("new\n".utf8))) {
            XCTAssertEqual($0 as? AtomicWriter.Refusal, .notWritable)
        }
        XCTAssertEqual(read(path), "old\n")
    }

    func testASymlinkOutOfTheTreeIsNeverWritten() throws {
        let target = outside + "/victim.c"
        try write(target, "old\n")
        try FileManager.default.createSymbolicLink(atPath: tree + "/link.c", withDestinationPath: target)
        XCTAssertThrowsError(try AtomicWriter.replace(tree + "/link.c", treeRoot: tree, expected: Array("old\n".utf8), with: Array("new\n".utf8))) {
            guard case .outsideTree = $0 as? AtomicWriter.Refusal else { return XCTFail("\($0)") }
        }
        XCTAssertEqual(read(target), "old\n")
    }
}
