import Foundation
import Vring
import XCTest

@testable import VringOracle

/// The explorer prunes inner candidates on partial executions and picks an outer thread; both
/// are optimisations that must not change what is found. These tests run the same programs
/// with pruning off and with each thread as the outer one and compare every allowed execution.
final class ExplorerCrossCheckTests: XCTestCase {
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
            let source = try String(contentsOf: LitmusGoldenTests.fixtures.appendingPathComponent(name), encoding: .utf8)
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

    func testRingScenariosFindTheSameViolationsWithEveryVariant() throws {
        let configurations = [
            RingConfiguration(peer: .smpCPU, weakBarriers: true),
            RingConfiguration(peer: .device, weakBarriers: true),
        ]
        for configuration in configurations {
            for scenario in RingScenario.all {
                var results: [[String]] = []
                for options in Self.variants.dropLast() {
                    var violations: Set<String> = []
                    let program = scenario.program(configuration)
                    try Explorer(program: program, options: options).explore { execution in
                        let outcome = RingOutcome(driver: execution.traces[0], device: execution.traces[1])
                        violations.insert(scenario.violation(outcome) ?? "ok")
                        return true
                    }
                    results.append(violations.sorted())
                }
                XCTAssertEqual(Set(results.map { $0.description }).count, 1, "\(scenario.name) \(configuration): \(results)")
            }
        }
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
