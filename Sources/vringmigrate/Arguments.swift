/// The flag table of one subcommand, which also produces its `--help` and "did you mean".
struct FlagSpec {
    var name: String
    var value: String?  // placeholder when the flag takes a value, e.g. "FILE"
    var repeatable = false
    var help: String
}

struct CommandSpec {
    var name: String
    var summary: String
    var usage: String
    var flags: [FlagSpec]
    var examples: [String]

    var helpText: String {
        var lines = ["\(summary)", "", "USAGE: \(usage)", "", "OPTIONS:"]
        for flag in flags {
            let left = flag.value.map { "--\(flag.name) \($0)" } ?? "--\(flag.name)"
            lines.append("  " + left.padding(toLength: 28, withPad: " ", startingAt: 0) + flag.help)
        }
        lines.append("  " + "-h, --help".padding(toLength: 28, withPad: " ", startingAt: 0) + "Show this help.")
        if !examples.isEmpty {
            lines += ["", "EXAMPLES:"] + examples.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A command line that does not fit the table: exit 64 with this message.
struct UsageError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

struct ParsedArguments {
    var values: [String: [String]] = [:]
    var switches: Set<String> = []
    var positionals: [String] = []
    var wantsHelp = false

    func value(_ name: String) -> String? { values[name]?.last }
    func all(_ name: String) -> [String] { values[name] ?? [] }
    func has(_ name: String) -> Bool { switches.contains(name) }
}

enum ArgumentParser {
    static func parse(_ arguments: [String], spec: CommandSpec) throws -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "-h" || argument == "--help" { result.wantsHelp = true; continue }
            if argument == "--" { result.positionals += arguments[index...]; break }
            guard argument.hasPrefix("-"), argument.count > 1 else { result.positionals.append(argument); continue }
            let body = argument.drop { $0 == "-" }
            let name = String(body.split(separator: "=", maxSplits: 1).first ?? "")
            guard let flag = spec.flags.first(where: { $0.name == name }) else {
                throw UsageError(message: unknownFlagMessage(argument, name: name, spec: spec))
            }
            if flag.value == nil { result.switches.insert(name); continue }
            var value: String
            if let equals = body.firstIndex(of: "=") {
                value = String(body[body.index(after: equals)...])
            } else {
                guard index < arguments.count else { throw UsageError(message: "--\(name) needs a value (\(flag.value!))") }
                value = arguments[index]
                index += 1
            }
            if !flag.repeatable && result.values[name] != nil { throw UsageError(message: "--\(name) given twice") }
            result.values[name, default: []].append(value)
            _ = value.isEmpty
            value = ""
        }
        return result
    }

    static func unknownFlagMessage(_ argument: String, name: String, spec: CommandSpec) -> String {
        var message = "unknown option '\(argument)' for '\(spec.name)'"
        if let suggestion = closest(name, among: spec.flags.map(\.name) + ["help"]) {
            message += "; did you mean '--\(suggestion)'?"
        }
        return message
    }

    /// The candidate within edit distance 2 (or sharing a prefix of 3), if any.
    static func closest(_ word: String, among candidates: [String]) -> String? {
        let scored = candidates.map { ($0, editDistance(word, $0)) }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let best = scored.first else { return nil }
        if best.1 <= 2 || (word.count >= 3 && best.0.hasPrefix(word)) { return best.0 }
        return nil
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return a.isEmpty ? b.count : previous[b.count]
    }
}
