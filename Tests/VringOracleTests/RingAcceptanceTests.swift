import Vring
import XCTest

@testable import VringOracle

/// The acceptance cases for the ring scenarios, run on the real Swift vring.
final class RingAcceptanceTests: XCTestCase {
    func testWeakBarriersWithSMPPeerPassEveryScenario() {
        let verdicts = checkRing(peer: .smpCPU, weakBarriers: true)
        XCTAssertEqual(verdicts.map(\.scenario), RingScenario.all.map(\.name))
        for verdict in verdicts {
            XCTAssertTrue(verdict.passed, verdict.line)
            XCTAssertGreaterThan(verdict.executionsExplored, 0, verdict.line)
        }
    }

    func testWeakBarriersWithDevicePeerFailPublishBlamingKickPublish() throws {
        let publish = try verdict("publish", checkRing(peer: .device, weakBarriers: true))
        XCTAssertFalse(publish.passed)
        let counterexample = try XCTUnwrap(publish.counterexample)
        XCTAssertEqual(counterexample.blame.map(\.site), [.kickPublish])
        XCTAssertEqual(counterexample.blame.first?.expandedTo, [.smp_wmb])
        XCTAssertTrue(counterexample.text.contains("smp_wmb orders nothing against a device peer"), counterexample.text)
    }

    func testStrongBarriersWithDevicePeerPassEveryScenario() {
        for verdict in checkRing(peer: .device, weakBarriers: false) {
            XCTAssertTrue(verdict.passed, verdict.line)
        }
    }

    func testWmbExpandingToReadFencesFailsPublishForBothPeers() throws {
        for peer in Peer.allCases {
            for weak in [true, false] {
                let publish = try verdict("publish", checkRing(peer: peer, weakBarriers: weak, fences: .wmbTypo))
                XCTAssertFalse(publish.passed, "\(peer) weak \(weak)")
                XCTAssertEqual(publish.counterexample?.blame.map(\.site), [.kickPublish], "\(peer) weak \(weak)")
                XCTAssertEqual(publish.counterexample?.blame.first?.expandedTo, [weak ? .smp_rmb : .rmb])
            }
        }
    }

    func testWriteBarrierBeforeTheEventCheckLosesKicks() throws {
        let verdicts = checkRing(peer: .smpCPU, weakBarriers: true, fences: .kickPrepareWriteBarrier)
        for name in ["kick.flags", "kick.eventIdx"] {
            let kick = try verdict(name, verdicts)
            XCTAssertFalse(kick.passed, name)
            XCTAssertEqual(kick.counterexample?.blame.map(\.site), [.kickBeforeEventCheck], name)
            XCTAssertEqual(kick.counterexample?.blame.first?.called, .wmb)
        }
        XCTAssertTrue(try verdict("publish", verdicts).passed, "only the event check is weakened")
    }

    func testLinux61HelpersPassForTheirPeers() {
        for (peer, weak) in [(Peer.smpCPU, true), (.device, false)] {
            for verdict in checkRing(peer: peer, weakBarriers: weak, fences: .linux61) {
                XCTAssertTrue(verdict.passed, "\(peer): \(verdict.line)")
            }
        }
    }

    func testHelpersExpandingToCompilerBarriersFailEveryScenario() {
        let nothing = FenceConfiguration(
            weak: [.mb: [.barrier], .rmb: [.barrier], .wmb: [.barrier]])
        for verdict in checkRing(peer: .smpCPU, weakBarriers: true, fences: nothing) {
            XCTAssertFalse(verdict.passed, verdict.line)
            XCTAssertFalse(verdict.counterexample?.blame.isEmpty ?? true, verdict.line)
        }
    }

    /// Each barrier the scenarios exercise is needed: calling the wrong helper kind there makes
    /// some scenario fail, and the counterexample blames exactly that site.
    func testEveryExercisedSiteIsNeededAndBlamedWhenWrong() {
        let wrongKind: [FenceKind: FenceKind] = [.wmb: .rmb, .rmb: .wmb, .mb: .wmb]
        let unexercised: Set<BarrierSite> = [.enableCbDelayedAfterEventWrite]
        for site in BarrierSite.allCases where !unexercised.contains(site) {
            let fences = FenceConfiguration(siteKinds: [site: wrongKind[site.requiredKind]!])
            let failures = checkRing(peer: .smpCPU, weakBarriers: true, fences: fences).filter { !$0.passed }
            XCTAssertFalse(failures.isEmpty, "no scenario needs \(site.rawValue)")
            for failure in failures {
                XCTAssertEqual(failure.counterexample?.blame.map(\.site), [site], "\(site.rawValue): \(failure.line)")
            }
        }
    }

    private func verdict(_ name: String, _ verdicts: [ScenarioVerdict]) throws -> ScenarioVerdict {
        try XCTUnwrap(verdicts.first { $0.scenario == name }, "no scenario \(name)")
    }
}
