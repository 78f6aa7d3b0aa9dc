import Foundation
import Vring
import XCTest

@testable import VringOracle

/// The explorer prunes inner candidates on partial executions and picks an outer thread; both
/// are optimisations that must not change what is found. These tests run the same programs
/// with pruning off and with each thread as the outer one and compare every allowed execution.
final class ExplorerCrossCheckTests: XCTestCase {
    /// Every combination of pruning and outer thread, for litmus programs.
    static let variants = [
        Explorer.Options(prunesPartialExecutions: true, outerThread: 0),
        Explorer.Options(prunesPartialExecutions: true, outerThread: 1),
        Explorer.Options(prunesPartialExecutions: false, outerThread: 0),
        Explorer.Options(prunesPartialExecutions: false, outerThread: 1),
    ]

    func testLitmusFixturesFindTheSameExecutionsWithEveryVariant() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: LitmusGoldenTests.fixtures.path)
            .filter { $0.hasSuffix(".litmus") && !$0.hasPrefix("Refused") }
        XCTAssertGreaterThan(names.count, 30)
        for name in names {
            let source = try String(
                contentsOf: LitmusGoldenTests.fixtures.appendingPathComponent(name), encoding: .utf8)
            let test = try LitmusParser.parse(source)
            for peer in Peer.allCases {
                let program = LitmusChecker.program(for: test, peer: peer)
                let baseline = try signatures(program, Explorer.Options())
                for options in Self.variants where test.threads.count == 2 {
                    XCTAssertEqual(try signatures(program, options), baseline, "\(name) \(peer) \(options)")
                }
            }
        }
    }

    /// The ring runs with the growing value domain; here it is compared with the full fixpoint
    /// (on two buffers, where the fixpoint stays affordable) and with pruning off. The device
    /// peer, where hundreds of stale executions are allowed, is compared on the smaller
    /// scenarios only. Both outer-thread choices are cross-checked on the litmus fixtures above.
    func testRingScenariosFindTheSameOutcomesWithEveryVariant() throws {
        let small =
            [RingScenario.publish(buffers: 1), .used(buffers: 2)]
            + RingScenario.all.filter { $0.name.hasPrefix("kick") || $0.name.hasPrefix("interrupt") }
        let runs = [
            (
                RingConfiguration(peer: .smpCPU, weakBarriers: true),
                small + RingScenario.all.filter { ["publish.indirect", "reuse"].contains($0.name) },
                [Explorer.Options(growsDomain: false), Explorer.Options(prunesPartialExecutions: false)]
            ),
            (RingConfiguration(peer: .device, weakBarriers: true), small, [Explorer.Options(growsDomain: false)]),
        ]
        for (configuration, scenarios, variants) in runs {
            for scenario in scenarios {
                let baseline = try outcomes(scenario, configuration, Explorer.Options())
                XCTAssertFalse(baseline.isEmpty, scenario.name)
                for variant in variants {
                    XCTAssertEqual(
                        try outcomes(scenario, configuration, variant), baseline,
                        "\(scenario.name) \(configuration.peer) \(variant)")
                }
            }
        }
    }

    /// Each allowed execution's observations and verdict, sorted.
    private func outcomes(
        _ scenario: RingScenario, _ configuration: RingConfiguration, _ options: Explorer.Options
    ) throws -> [String] {
        var found: [String] = []
        try Explorer(program: scenario.program(configuration), options: options).explore { execution in
            let outcome = RingOutcome(driver: execution.traces[0], device: execution.traces[1])
            let observed = execution.traces.map { $0.observations.sorted { $0.key < $1.key }.description }
            found.append(observed.joined(separator: " | ") + " => " + (scenario.violation(outcome) ?? "ok"))
            return true
        }
        return found.sorted()
    }

    /// Every allowed execution as text (events, reads-from and coherence), sorted.
    private func signatures(_ program: ConcurrentProgram, _ options: Explorer.Options) throws -> [String] {
        var found: [String] = []
        try Explorer(program: program, options: options).explore { execution in
            let coherence = execution.coherence.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }
            found.append(execution.renderText() + coherence.joined(separator: ","))
            return true
        }
        return found.sorted()
    }
}
