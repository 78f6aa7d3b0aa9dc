import Vring
import XCTest

@testable import VringOracle

final class FenceConfigurationTests: XCTestCase {
    func testMissingHelpersExpandAsIntended() {
        let fences = FenceConfiguration(weak: [.wmb: [.smp_rmb]])
        XCTAssertEqual(fences.expansion(of: .wmb, weakBarriers: true), [.smp_rmb])
        XCTAssertEqual(fences.expansion(of: .mb, weakBarriers: true), [.smp_mb])
        XCTAssertEqual(fences.expansion(of: .wmb, weakBarriers: false), [.wmb])
        XCTAssertEqual(FenceConfiguration.linux61.expansion(of: .rmb, weakBarriers: false), [.dma_rmb])
    }

    func testParsesNamesListsAndSites() throws {
        let fences = try FenceConfiguration.parse(
            json: """
                {"weak": {"wmb": ["smp_rmb"], "mb": "virt_mb", "rmb": []},
                 "strong": {"wmb": ["barrier", "wmb"]},
                 "sites": {"kick.beforeEventCheck": "wmb"}}
                """)
        XCTAssertEqual(fences.weak, [.wmb: [.smp_rmb], .mb: [.virt_mb], .rmb: []])
        XCTAssertEqual(fences.strong, [.wmb: [.barrier, .wmb]])
        XCTAssertEqual(fences.siteKinds, [.kickBeforeEventCheck: .wmb])
        XCTAssertEqual(try FenceConfiguration.parse(json: "{}"), .correct)
    }

    func testErrorsSayWhatIsWrong() {
        let cases: [(String, String)] = [
            ("{", "not valid JSON"),
            ("[1]", "expected a JSON object"),
            ("{\"weak\": {\"xmb\": []}}", "unknown helper kind \"xmb\""),
            ("{\"strong\": {\"wmb\": [\"smp_wnb\"]}}", "unknown fence primitive smp_wnb"),
            ("{\"weak\": {\"wmb\": 3}}", "must be a primitive name or a list"),
            ("{\"sites\": {\"kick.publsh\": \"wmb\"}}", "unknown barrier site \"kick.publsh\""),
            ("{\"sites\": {\"kick.publish\": 1}}", "must be \"mb\", \"rmb\" or \"wmb\""),
            ("{\"weak\": {}, \"extra\": 1}", "unknown key \"extra\""),
        ]
        for (json, expected) in cases {
            XCTAssertThrowsError(try FenceConfiguration.parse(json: json)) { error in
                let message = (error as? FenceConfigurationError)?.message ?? "\(error)"
                XCTAssertTrue(message.contains(expected), "\(json): \(message)")
            }
        }
    }

    func testSummaryListsDeviations() {
        XCTAssertEqual(FenceConfiguration.correct.summary, "every helper as intended")
        XCTAssertEqual(FenceConfiguration.wmbTypo.summary, "weak wmb -> smp_rmb; strong wmb -> rmb")
        XCTAssertEqual(FenceConfiguration.kickPrepareWriteBarrier.summary, "site kick.beforeEventCheck calls wmb")
    }
}
