import XCTest
import Vring

/// Real threads over one shared ring in native memory: every buffer must come back exactly
/// once with the length and contents the device wrote (the harness checks each one).
final class ExchangeTests: XCTestCase {
    private func assertClean(_ report: RingExchangeReport, _ label: String,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(report.failures, [], label, file: file, line: line)
        XCTAssertEqual(report.buffersCompleted, report.config.buffers, label, file: file, line: line)
        XCTAssertEqual(report.buffersSent, report.config.buffers, label, file: file, line: line)
        XCTAssertEqual(report.timeoutsWithWorkPending, 0, "\(label): a notification was lost",
                       file: file, line: line)
    }

    /// More than 200,000 buffers from index 0 (three 16-bit wraps) per run, for both barrier
    /// choices; event index and indirect descriptors are on in one run and off in the other
    /// (every combination crosses the wrap in `testRingSizesFeaturesAndWrap`).
    func testStressTwoThreadsBothBarrierChoices() throws {
        let started = ContinuousClock.now
        for (weak, eventIdx, indirect) in [(true, true, false), (false, false, true)] {
            var config = RingExchangeConfig()
            config.buffers = 210_000
            config.ringSize = 256
            config.weakBarriers = weak
            config.features = VringFeatures(eventIdx: eventIdx, indirect: indirect)
            config.inSegments = 2
            let report = try runRingExchange(config)
            assertClean(report, "weak \(weak) event \(eventIdx) indirect \(indirect)")
            XCTAssertGreaterThan(report.kicks, 0)
            XCTAssertGreaterThan(report.interrupts, 0)
        }
        let elapsed = ContinuousClock.now - started
        XCTAssertLessThan(elapsed, .seconds(30), "stress took \(elapsed)")
    }

    /// Ring sizes 1 to 32,768 with event index and indirect on and off, starting just before
    /// the 16-bit wrap so every run crosses it.
    func testRingSizesFeaturesAndWrap() throws {
        for ringSize in [1, 2, 4, 256, 32768] {
            for eventIdx in [false, true] {
                for indirect in [false, true] {
                    var config = RingExchangeConfig()
                    config.ringSize = ringSize
                    config.features = VringFeatures(eventIdx: eventIdx, indirect: indirect)
                    config.startIndex = UInt16.max - 299
                    config.buffers = ringSize + 600
                    (config.outSegments, config.inSegments) = shape(ringSize: ringSize, indirect: indirect)
                    let report = try runRingExchange(config, fences: NativeFences())
                    assertClean(report, "ring \(ringSize) event \(eventIdx) indirect \(indirect)")
                }
            }
        }
    }

    /// Out and in segments that fit: a ring of 1 without indirect holds one descriptor.
    private func shape(ringSize: Int, indirect: Bool) -> (Int, Int) {
        if indirect { return (1, 2) }
        return ringSize == 1 ? (0, 1) : (1, ringSize >= 4 ? 2 : 1)
    }

    func testRequestResponseBothBarrierChoices() throws {
        for weak in [true, false] {
            for eventIdx in [false, true] {
                var config = RingExchangeConfig()
                config.pattern = .requestResponse
                config.ringSize = 8
                config.buffers = 2_000
                config.weakBarriers = weak
                config.features = VringFeatures(eventIdx: eventIdx)
                config.startIndex = UInt16.max - 999
                config.devicePublishBatch = 1
                config.spinNanoseconds = 5_000
                assertClean(try runRingExchange(config), "request-response weak \(weak) event \(eventIdx)")
            }
        }
    }

    func testTimedRunStopsIssuingAndCollectsEverything() throws {
        var config = RingExchangeConfig()
        config.buffers = .max
        config.durationNanoseconds = 50_000_000
        let report = try runRingExchange(config)
        XCTAssertEqual(report.failures, [])
        XCTAssertGreaterThan(report.buffersSent, 0)
        XCTAssertEqual(report.buffersCompleted, report.buffersSent)
    }

    func testImpossibleShapesAreRejectedBeforeStarting() {
        var config = RingExchangeConfig()
        config.ringSize = 2
        config.outSegments = 2
        config.inSegments = 1
        XCTAssertThrowsError(try runRingExchange(config))
        config.ringSize = 3
        config.outSegments = 0
        XCTAssertThrowsError(try runRingExchange(config))
    }
}
