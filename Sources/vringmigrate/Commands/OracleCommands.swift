import Foundation
import Vring
import VringOracle

enum OracleLitmusCommand {
    static let spec = CommandSpec(
        name: "oracle litmus",
        summary: "Decide kernel-style C litmus tests (two threads) with the weak-memory oracle.",
        usage: "vringmigrate oracle litmus FILE... [--peer smp-cpu|device]",
        flags: [FlagSpec(name: "peer", value: "smp-cpu|device", help: "Which fences order for the second thread (default smp-cpu, as LKMM).")],
        examples: ["vringmigrate oracle litmus Fixtures/litmus/MP+fencewmbonceonce+fencermbonceonce.litmus",
                   "vringmigrate oracle litmus Fixtures/litmus/*.litmus --peer device"])

    /// 0 every test decided; 1 some test is outside the supported subset (refused); 2 a file could
    /// not be read or is not a litmus test.
    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        guard !arguments.positionals.isEmpty else { throw UsageError(message: "oracle litmus needs at least one file") }
        let peer = try OracleOptions.peer(arguments) ?? .smpCPU
        var code = ExitCode.clean
        var explored = 0
        for path in arguments.positionals {
            guard let data = FileManager.default.contents(atPath: path) else {
                Output.error("vringmigrate: \(path): cannot read")
                code = .errors
                continue
            }
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let report = LitmusReport.run(source: String(decoding: data, as: UTF8.self), fallbackName: name, peer: peer)
            Output.write(report.line + "\n")
            switch report {
            case .decided(let result): explored += result.statistics.candidates
            case .refused: if code == .clean { code = .findings }
            case .invalid: code = .errors
            }
        }
        Output.error("vringmigrate oracle litmus: \(arguments.positionals.count) tests, \(explored) executions explored")
        return code
    }
}

enum OracleRingCommand {
    static let spec = CommandSpec(
        name: "oracle ring",
        summary: "Run the ring scenarios on the Swift vring for one barrier configuration and peer.",
        usage: "vringmigrate oracle ring [--peer smp-cpu|device] [--weak-barriers true|false] [--fences FILE] [--dot FILE]",
        flags: [
            FlagSpec(name: "peer", value: "smp-cpu|device", help: "The other side of the ring (default smp-cpu)."),
            FlagSpec(name: "weak-barriers", value: "true|false", help: "The queue's weak_barriers value (default true)."),
            FlagSpec(name: "fences", value: "FILE", help: "JSON: what each helper really expands to, per arm, and per-site overrides."),
            FlagSpec(name: "dot", value: "FILE", help: "Write each counterexample as a Graphviz graph."),
        ],
        examples: ["vringmigrate oracle ring --peer device --weak-barriers false",
                   "vringmigrate oracle ring --peer device --weak-barriers true --dot cex.dot"])

    /// 0 every scenario passes; 1 some scenario has a counterexample.
    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let peer = try OracleOptions.peer(arguments) ?? .smpCPU
        let weak = try RingBenchCommand.boolean(arguments, "weak-barriers") ?? true
        var fences = FenceConfiguration.correct
        if let path = arguments.value("fences") {
            guard let data = FileManager.default.contents(atPath: path) else { throw UsageError(message: "\(path): cannot read") }
            do { fences = try FenceConfiguration.parse(json: data) } catch { throw UsageError(message: "\(path): \(error)") }
        }
        let report = RingReport(checking: RingConfiguration(peer: peer, weakBarriers: weak, fences: fences))
        Output.write(report.text.hasSuffix("\n") ? report.text : report.text + "\n")
        if let path = arguments.value("dot") {
            let dot = report.dot ?? "digraph ring { label=\"every scenario passed\"; }\n"
            guard FileManager.default.createFile(atPath: path, contents: Data(dot.utf8)) else {
                Output.error("vringmigrate: cannot write \(path)")
                return .errors
            }
        }
        Output.error("vringmigrate oracle ring: " + report.summaryLine)
        return report.passed ? .clean : .findings
    }
}

enum OracleOptions {
    static func peer(_ arguments: ParsedArguments) throws -> Peer? {
        guard let text = arguments.value("peer") else { return nil }
        guard let peer = Peer(rawValue: text) else { throw UsageError(message: "--peer takes smp-cpu or device, not '\(text)'") }
        return peer
    }
}
