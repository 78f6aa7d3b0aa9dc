import VringMigrateCore

enum RulesCommand {
    static let spec = CommandSpec(
        name: "rules",
        summary: "Print the transport rules table in effect and where it came from.",
        usage: "vringmigrate rules [<tree>] [--rules FILE]",
        flags: [RulesOptions.flag],
        examples: ["vringmigrate rules", "vringmigrate rules --rules my-rules.json", "vringmigrate rules Fixtures/trees/edge-cases"])

    static func run(_ arguments: ParsedArguments) throws -> ExitCode {
        let table = try RulesOptions.load(arguments, tree: arguments.positionals.first)
        Output.write("# rules from \(table.source)\n" + table.render())
        return .clean
    }
}
