import Vring

enum RingBenchCommand {
    static let spec = CommandSpec(
        name: "ring-bench",
        summary: "Measure the Swift vring on two threads with weak, strong and no barriers (interleaved).",
        usage: "vringmigrate ring-bench [--ring-size N] [--rounds N] [--slice-ms N] [--event-idx true|false] [--indirect true|false]",
        flags: [
            FlagSpec(name: "ring-size", value: "N", help: "Ring size, a power of two from 1 to 32768 (default 256)."),
            FlagSpec(name: "rounds", value: "N", help: "Rounds; each round runs every configuration once (default 3)."),
            FlagSpec(name: "slice-ms", value: "N", help: "Milliseconds per configuration per round (default 300)."),
            FlagSpec(name: "event-idx", value: "true|false", help: "Negotiate VIRTIO_RING_F_EVENT_IDX (default true)."),
            FlagSpec(name: "indirect", value: "true|false", help: "Use indirect descriptors (default false)."),
        ],
        examples: ["vringmigrate ring-bench", "vringmigrate ring-bench --ring-size 1024 --rounds 5"])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        var options = RingBenchOptions()
        options.ringSize = try integer(arguments, "ring-size") ?? options.ringSize
        options.rounds = try integer(arguments, "rounds") ?? options.rounds
        if let milliseconds = try integer(arguments, "slice-ms") { options.sliceNanoseconds = UInt64(milliseconds) * 1_000_000 }
        options.features = VringFeatures(
            eventIdx: try boolean(arguments, "event-idx") ?? true, indirect: try boolean(arguments, "indirect") ?? false)
        do {
            Output.write(try runRingBench(options).render())
            return .clean
        } catch {
            Output.error("vringmigrate ring-bench: \(error)")
            return .errors
        }
    }

    static func integer(_ arguments: ParsedArguments, _ name: String) throws -> Int? {
        guard let text = arguments.value(name) else { return nil }
        guard let value = Int(text), value > 0 else { throw UsageError(message: "--\(name) takes a positive number, not '\(text)'") }
        return value
    }

    static func boolean(_ arguments: ParsedArguments, _ name: String) throws -> Bool? {
        guard let text = arguments.value(name) else { return nil }
        guard let value = Bool(text) else { throw UsageError(message: "--\(name) takes true or false, not '\(text)'") }
        return value
    }
}
