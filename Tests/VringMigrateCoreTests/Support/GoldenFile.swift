import Foundation
import XCTest

/// Golden files under `Tests/VringMigrateCoreTests/Golden/`.
///
/// Flip `recording` to true by hand to rewrite every golden a test run touches; each recording
/// test then FAILS, so a run that records can never pass by accident. Flip it back and rerun.
enum GoldenFile {
    static let recording = false

    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static func assertMatches(
        _ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        assertMatches(Array(actual.utf8), named: name, file: file, line: line)
    }

    static func assertMatches(
        _ actual: [UInt8], named name: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        let url = directory.appendingPathComponent(name)
        if recording {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(actual).write(to: url)
                XCTFail("recorded golden \(name); set GoldenFile.recording = false and rerun", file: file, line: line)
            } catch {
                XCTFail("cannot record golden \(name): \(error)", file: file, line: line)
            }
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            XCTFail("missing golden \(name); record it with GoldenFile.recording = true", file: file, line: line)
            return
        }
        if Array(expected) != actual {
            XCTFail("\(name) differs from its golden: \(firstDifference(Array(expected), actual))", file: file, line: line)
        }
    }

    /// The first differing line of two texts, for a readable failure.
    static func firstDifference(_ expected: [UInt8], _ actual: [UInt8]) -> String {
        let expectedLines = String(decoding: expected, as: UTF8.self).components(separatedBy: "\n")
        let actualLines = String(decoding: actual, as: UTF8.self).components(separatedBy: "\n")
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? expectedLines[index] : "<end of file>"
            let got = index < actualLines.count ? actualLines[index] : "<end of file>"
            if want != got { return "line \(index + 1): expected \(want.debugDescription), got \(got.debugDescription)" }
        }
        return "same lines, different bytes"
    }
}
