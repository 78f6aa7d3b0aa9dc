import Vring
import XCTest

@testable import VringOracle

/// The explorer on programs written directly as Swift closures, the way the ring runs.
final class ExplorerTests: XCTestCase {
    /// Store buffering with a fence of `kind` on both sides; returns how often both loads
    /// missed the other store.
    private func storeBufferingBothMiss(_ fence: FencePrimitive?, peer: Peer = .smpCPU) throws -> (Int, Int) {
        func side(_ own: Int, _ other: Int) -> ThreadProgram {
            ThreadProgram(name: "P\(own)", peer: peer) { context in
                context.store(own, value: 1)
                if let fence { context.fence(ExecutedFence(primitives: [fence])) }
                context.observe("r", context.load(other).value)
            }
        }
        var bothMissed = 0
        let statistics = try Explorer(program: ConcurrentProgram(threads: [side(0, 1), side(1, 0)])).explore {
            execution in
            if execution.traces.allSatisfy({ $0.observations["r"] == 0 }) { bothMissed += 1 }
            return true
        }
        return (bothMissed, statistics.consistent)
    }

    func testStoreBufferingNeedsFullFencesThatReachThePeer() throws {
        XCTAssertEqual(try storeBufferingBothMiss(nil).0, 1)
        XCTAssertEqual(try storeBufferingBothMiss(.smp_wmb).0, 1)
        XCTAssertEqual(try storeBufferingBothMiss(.smp_mb).0, 0)
        XCTAssertEqual(try storeBufferingBothMiss(.smp_mb).1, 3)
        XCTAssertEqual(try storeBufferingBothMiss(.smp_mb, peer: .device).0, 1)
        XCTAssertEqual(try storeBufferingBothMiss(.mb, peer: .device).0, 0)
    }

    func testStoresDependingOnEarlierLoadsForbidLoadBuffering() throws {
        func side(_ own: Int, _ other: Int, ordered: Bool) -> ThreadProgram {
            ThreadProgram(name: "P\(own)", storesDependOnEarlierLoads: ordered) { context in
                context.observe("r", context.load(other).value)
                context.store(own, value: 1)
            }
        }
        for ordered in [false, true] {
            var bothSaw = 0
            let program = ConcurrentProgram(threads: [side(0, 1, ordered: ordered), side(1, 0, ordered: ordered)])
            try Explorer(program: program).explore { execution in
                if execution.traces.allSatisfy({ $0.observations["r"] == 1 }) { bothSaw += 1 }
                return true
            }
            XCTAssertEqual(bothSaw, ordered ? 0 : 1, "ordered: \(ordered)")
        }
    }

    func testVisitCanStopTheExploration() throws {
        let thread = ThreadProgram(name: "P0") { context in context.load(0) }
        let writer = ThreadProgram(name: "P1") { context in context.store(0, value: 1) }
        var visits = 0
        let statistics = try Explorer(program: ConcurrentProgram(threads: [thread, writer])).explore { _ in
            visits += 1
            return false
        }
        XCTAssertEqual(visits, 1)
        XCTAssertEqual(statistics.consistent, 1)
    }

    func testRefusesThreeThreadsAndGrowingValues() {
        let idle = ThreadProgram(name: "P") { _ in }
        XCTAssertThrowsError(
            try Explorer(program: ConcurrentProgram(threads: [idle, idle, idle])).explore { _ in true }
        ) {
            XCTAssertEqual($0 as? ExplorationError, .unsupportedThreadCount(3))
        }
        let increment = ThreadProgram(name: "P") { context in
            let read = context.load(0)
            context.store(0, value: read.value + 1, dataDependencies: [read.event])
        }
        XCTAssertThrowsError(
            try Explorer(program: ConcurrentProgram(threads: [increment, increment])).explore { _ in true }
        ) {
            guard case .valueDomainDiverges = $0 as? ExplorationError else { return XCTFail("\($0)") }
        }
    }

    func testRelationClosureAndCycles() {
        var relation = Relation(size: 70)
        relation.insert(0, 65)
        relation.insert(65, 3)
        XCTAssertTrue(relation.transitiveClosure.contains(0, 3))
        XCTAssertTrue(relation.isAcyclic)
        relation.insert(3, 0)
        XCTAssertFalse(relation.isAcyclic)
        XCTAssertEqual(relation.inverse.successors(of: 65), [0])
        XCTAssertFalse(relation.complement.contains(0, 65))
        XCTAssertTrue(relation.complement.contains(69, 69))
        XCTAssertEqual(relation.complement.pairs.count, 70 * 70 - 3)
    }
}
