import Foundation
import XCTest

/// Locates the repository from this file, so tests never depend on the working directory.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    static func fixtureTree(_ name: String) -> String { root + "/Fixtures/trees/" + name }
    static func golden(_ tree: String, _ file: String) -> String { root + "/Fixtures/golden/" + tree + "/" + file }
}

/// Golden-file comparison. Flip `recording` by hand to rewrite the files: every comparison then
/// writes and FAILS, so nothing passes while recording.
enum Golden {
    static let recording = false

    static func assertMatches(_ actual: String, golden path: String, file: StaticString = #filePath, line: UInt = #line) {
        if recording {
            try? FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: path, contents: Data(actual.utf8))
            XCTFail("recorded \(path); set Golden.recording = false", file: file, line: line)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            XCTFail("missing golden file \(path); record it with Golden.recording = true", file: file, line: line)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDifference = (0..<min(expectedLines.count, actualLines.count)).first { expectedLines[$0] != actualLines[$0] } ?? min(expectedLines.count, actualLines.count)
            let want = firstDifference < expectedLines.count ? String(expectedLines[firstDifference]) : "<end>"
            let got = firstDifference < actualLines.count ? String(actualLines[firstDifference]) : "<end>"
            XCTFail("\(path) differs at line \(firstDifference + 1):\n want: \(want)\n  got: \(got)", file: file, line: line)
        }
    }
}
