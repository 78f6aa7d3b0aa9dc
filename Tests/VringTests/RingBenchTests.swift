import XCTest
import Vring

final class RingBenchTests: XCTestCase {
    func testTinyBenchMeasuresEveryConfigurationAndRendersATable() throws {
        var options = RingBenchOptions()
        options.ringSize = 64
        options.rounds = 2
        options.buffersPerSlice = 1_000
        options.spinNanoseconds = 20_000
        options.fenceCostIterations = 1_000
        let report = try runRingBench(options)
        XCTAssertEqual(report.measurements.count, 6)
        XCTAssertTrue(report.safeRunsSucceeded, report.render())
        for pattern in RingExchangeConfig.Pattern.allCases {
            for barriers in [RingBenchBarriers.weak, .strong] {
                let m = try XCTUnwrap(report.measurement(pattern, barriers))
                XCTAssertEqual(m.slices, 2)
                XCTAssertEqual(m.buffers, 2_000)
                XCTAssertGreaterThan(m.buffersPerSecond, 0)
                XCTAssertGreaterThan(m.cpuNanosecondsPerBuffer, 0)
            }
            XCTAssertNotNil(report.strongOverWeak(pattern))
        }
        let table = report.render()
        XCTAssertTrue(table.contains("strong/weak streaming"), table)
        XCTAssertTrue(table.contains("none (unsafe)"), table)
        XCTAssertTrue(table.hasPrefix("ring-bench: ring 64"), table)
        XCTAssertEqual(Set(report.fenceCosts.map(\.primitive)),
                       [.smp_mb, .smp_rmb, .smp_wmb, .mb, .rmb, .wmb])
        XCTAssertTrue(table.contains("fence cost"), table)
    }
}
