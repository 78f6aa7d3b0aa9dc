import Foundation
import XCTest

@testable import VringOracle

/// Runs every litmus test of the kernel's tools/memory-model/litmus-tests (when the unpacked
/// Linux 6.1 source is on this machine) and compares with the `Result:` comment of each.
final class KernelLitmusAgreementTests: XCTestCase {
    static let kernelTests = "/var/cache/vringmigrate/linux-source-6.1/tools/memory-model/litmus-tests"

    func testInSubsetKernelTestsAgreeWithTheirResultComment() throws {
        let directory = URL(fileURLWithPath: Self.kernelTests)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            throw XCTSkip("kernel litmus tests not unpacked at \(Self.kernelTests)")
        }
        var agreed: [String] = []
        var refused: [String] = []
        for name in names.filter({ $0.hasSuffix(".litmus") }).sorted() {
            let source = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            do {
                let started = Date()
                let result = try LitmusChecker.check(source: source)
                let milliseconds = Date().timeIntervalSince(started) * 1000
                print(
                    result.observationLine, "declared", result.declaredResult?.rawValue ?? "-",
                    "explored", result.statistics.candidates, String(format: "%.1f ms", milliseconds))
                XCTAssertEqual(result.verdict, result.declaredResult, name)
                if result.verdict == result.declaredResult { agreed.append(name) }
            } catch {
                guard case .refused(let reason) = error else { throw error }
                print("REFUSED \(name): \(reason)")
                refused.append(name)
            }
        }
        print("kernel litmus: \(agreed.count) agree, \(refused.count) refused, of \(agreed.count + refused.count)")
        // Linux 6.1 has 34 tests: 17 use locks, RCU or three or more threads.
        XCTAssertEqual(agreed.count, 17, "in-subset kernel tests agreeing with their Result: comment")
        XCTAssertEqual(refused.count, 17, "kernel tests outside the subset")
    }
}
