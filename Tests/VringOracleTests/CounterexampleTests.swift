import Vring
import XCTest

@testable import VringOracle

final class CounterexampleTests: XCTestCase {
    private func publishCounterexample() throws -> Counterexample {
        let configuration = RingConfiguration(peer: .device, weakBarriers: true)
        let verdict = RingChecker.check(RingScenario.publish(), configuration)
        return try XCTUnwrap(verdict.counterexample)
    }

    func testCounterexampleIsAllowedAndForbiddenOnceTheBlamedFenceIsFixed() throws {
        let counterexample = try publishCounterexample()
        XCTAssertTrue(counterexample.execution.isAllowedByModel)
        let fixed = RingChecker.check(
            RingScenario.publish(), RingConfiguration(peer: .device, weakBarriers: false))
        XCTAssertTrue(fixed.passed, fixed.line)
    }

    func testTextShowsEventsReadsFromAndBlame() throws {
        let text = try publishCounterexample().text
        XCTAssertTrue(text.hasPrefix("scenario publish fails: the device read a stale"), text)
        XCTAssertTrue(text.contains("missing or too weak: kick.publish"), text)
        XCTAssertTrue(text.contains("F smp_wmb at kick.publish (wmb helper)"), text)
        XCTAssertTrue(text.contains("R avail.idx = 3 (reads from driver#"), text)
        XCTAssertTrue(text.contains("(reads from initial)"), text)
        XCTAssertTrue(text.contains("device (fences judged against a device peer):"), text)
    }

    func testDotHasClustersEdgesAndTheBlamedFenceInRed() throws {
        let dot = try publishCounterexample().renderDot()
        XCTAssertTrue(dot.hasPrefix("digraph execution {"), dot)
        XCTAssertTrue(dot.contains("subgraph cluster_0"))
        XCTAssertTrue(dot.contains("label=\"driver\""))
        XCTAssertTrue(dot.contains("[label=\"rf\""))
        XCTAssertTrue(dot.contains("[label=\"fr\""))
        let blamedFence = dot.split(separator: "\n").first { $0.contains("F smp_wmb at kick.publish") }
        XCTAssertTrue(blamedFence?.contains("color=red") ?? false, "\(blamedFence ?? "no fence node")")
        let otherFence = dot.split(separator: "\n").first { $0.contains("F smp_mb at kick.beforeEventCheck") }
        XCTAssertFalse(otherFence?.contains("color=red") ?? true)
        XCTAssertEqual(dot.filter { $0 == "{" }.count, dot.filter { $0 == "}" }.count)
    }

    func testReportRendersEveryCounterexample() {
        let report = RingReport(checking: RingConfiguration(peer: .device, weakBarriers: true))
        XCTAssertFalse(report.passed)
        let count = RingScenario.all.count
        XCTAssertTrue(report.summaryLine.contains("\(count) of \(count) scenarios failed"), report.summaryLine)
        XCTAssertEqual(report.dot?.components(separatedBy: "digraph execution").count, count + 1)
        XCTAssertEqual(report.text.components(separatedBy: "\nscenario ").count, count + 1)
        let passing = RingReport(checking: RingConfiguration(peer: .smpCPU, weakBarriers: true))
        XCTAssertTrue(passing.passed)
        XCTAssertNil(passing.dot)
    }
}
