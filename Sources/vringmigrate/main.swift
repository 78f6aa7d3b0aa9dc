import Foundation
import VringMigrateClang

/// Every subcommand: its flag table and what runs it.
let commands: [(spec: CommandSpec, run: (ParsedArguments) throws -> ExitCode)] = [
    (ScanCommand.spec, ScanCommand.run),
    (LintCommand.spec, LintCommand.run),
    (DiffCommand.spec, DiffCommand.run),
    (ApplyCommand.spec, ApplyCommand.run),
    (RulesCommand.spec, RulesCommand.run),
    (RingBenchCommand.spec, RingBenchCommand.run),
    (OracleLitmusCommand.spec, OracleLitmusCommand.run),
    (OracleRingCommand.spec, OracleRingCommand.run),
]

let version = "0.1.0"

@MainActor func topLevelHelp() -> String {
    var lines = [
        "vringmigrate \(version): find, migrate and lint the Linux v3.3 weak_barriers API change in C trees.", "",
        "USAGE: vringmigrate <command> [options]", "", "COMMANDS:",
    ]
    for command in commands { lines.append("  " + command.spec.name.padding(toLength: 12, withPad: " ", startingAt: 0) + command.spec.summary) }
    lines += ["", "Run 'vringmigrate help <command>' or 'vringmigrate <command> --help' for a command's options and examples.",
        "Exit codes: 0 nothing to report, 1 findings or changes pending, 2 the run had errors, 64 usage."]
    return lines.joined(separator: "\n") + "\n"
}

@MainActor func run(_ arguments: [String]) -> ExitCode {
    // Two-word commands ("oracle ring") are looked up as one name.
    var argv = arguments
    if argv.count > 1, commands.contains(where: { $0.spec.name == argv[0] + " " + argv[1] }) {
        argv = [argv[0] + " " + argv[1]] + argv.dropFirst(2)
    } else if argv.count > 2, argv[0] == "help", commands.contains(where: { $0.spec.name == argv[1] + " " + argv[2] }) {
        argv = ["help", argv[1] + " " + argv[2]] + argv.dropFirst(3)
    }
    guard let first = argv.first else {
        Output.error(topLevelHelp())
        return .usage
    }
    switch first {
    case "-h", "--help":
        Output.write(topLevelHelp())
        return .clean
    case "--version":
        Output.write("vringmigrate \(version) (libclang: \(ClangLibrary.version))\n")
        return .clean
    case "help":
        guard argv.count > 1 else { Output.write(topLevelHelp()); return .clean }
        guard let command = commands.first(where: { $0.spec.name == argv[1] }) else { return unknownCommand(argv[1]) }
        Output.write(command.spec.helpText)
        return .clean
    default:
        guard let command = commands.first(where: { $0.spec.name == first }) else { return unknownCommand(first) }
        do {
            let parsed = try ArgumentParser.parse(Array(argv.dropFirst()), spec: command.spec)
            if parsed.wantsHelp { Output.write(command.spec.helpText); return .clean }
            try ClangLibrary.requireVersion14()
            return try command.run(parsed)
        } catch let error as UsageError {
            Output.error("vringmigrate: \(error.message)\nRun 'vringmigrate \(first) --help' for usage.")
            return .usage
        } catch {
            Output.error("vringmigrate: \(error)")
            return .errors
        }
    }
}

@MainActor func unknownCommand(_ name: String) -> ExitCode {
    let family = commands.filter { $0.spec.name.hasPrefix(name + " ") }.map(\.spec.name)
    if !family.isEmpty {
        Output.error("vringmigrate: '\(name)' needs a subcommand: \(family.joined(separator: ", "))")
        return .usage
    }
    var message = "vringmigrate: unknown command '\(name)'"
    if let suggestion = ArgumentParser.closest(name, among: commands.map(\.spec.name) + ["help"]) {
        message += "; did you mean '\(suggestion)'?"
    }
    Output.error(message + "\nRun 'vringmigrate --help' for the list of commands.")
    return .usage
}

exit(run(Array(CommandLine.arguments.dropFirst())).rawValue)
