import Foundation
import XCTest

@testable import VringOracle

/// Runs every test in Fixtures/litmus and compares its report line with `NAME.expected`.
///
/// Record mode: create `Fixtures/litmus/RECORD`; the test then rewrites every expected file and
/// fails, so nothing passes while recording. Delete RECORD and rerun to check.
final class LitmusGoldenTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().appendingPathComponent("../../Fixtures/litmus").standardizedFileURL

    func testEveryFixtureMatchesItsExpectedLine() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
            .filter { $0.hasSuffix(".litmus") }.sorted()
        XCTAssertGreaterThan(names.count, 30, "fixtures missing")
        let recording = FileManager.default.fileExists(atPath: Self.fixtures.appendingPathComponent("RECORD").path)
        for name in names {
            let file = Self.fixtures.appendingPathComponent(name)
            let line = LitmusReport.run(source: try String(contentsOf: file, encoding: .utf8), fallbackName: name).line
            let expectedFile = file.deletingPathExtension().appendingPathExtension("expected")
            if recording {
                try (line + "\n").write(to: expectedFile, atomically: true, encoding: .utf8)
                continue
            }
            guard let expected = try? String(contentsOf: expectedFile, encoding: .utf8) else {
                XCTFail("missing \(expectedFile.lastPathComponent); create Fixtures/litmus/RECORD to record it")
                continue
            }
            XCTAssertEqual(line, expected.trimmingCharacters(in: .newlines), name)
        }
        if recording { XCTFail("recorded \(names.count) expected files; remove Fixtures/litmus/RECORD") }
    }

    /// Our fixtures state their verdict in a `Result:` comment like the kernel's; the model must
    /// agree with what the test's author reasoned, not only with the recorded line.
    func testEveryDecidedFixtureAgreesWithItsResultComment() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.fixtures.path)
            .filter { $0.hasSuffix(".litmus") }.sorted()
        for name in names {
            let source = try String(contentsOf: Self.fixtures.appendingPathComponent(name), encoding: .utf8)
            guard case .decided(let result) = LitmusReport.run(source: source, fallbackName: name) else {
                XCTAssertTrue(name.hasPrefix("Refused"), "\(name) was not decided")
                continue
            }
            XCTAssertNotNil(result.declaredResult, name)
            XCTAssertEqual(result.verdict, result.declaredResult, name)
        }
    }
}
