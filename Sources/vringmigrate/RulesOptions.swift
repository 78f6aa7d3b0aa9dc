import Foundation
import VringMigrateCore

/// Which rules table is in effect: `--rules FILE`, else the tree's `.vringmigrate.json`, else the
/// built-in table. A malformed table is a usage error naming file, line and key.
enum RulesOptions {
    static let flag = FlagSpec(name: "rules", value: "FILE", help: "Transport rules table (JSON) replacing the default.")
    static let treeFileName = ".vringmigrate.json"

    static func load(_ arguments: ParsedArguments, tree: String?) throws -> RulesTable {
        do {
            if let path = arguments.value("rules") { return try RulesTable.load(path: path) }
            if let tree, FileManager.default.fileExists(atPath: tree + "/" + treeFileName) {
                return try RulesTable.load(path: tree + "/" + treeFileName)
            }
            return RulesTable.builtIn
        } catch {
            throw UsageError(message: "\(error)")
        }
    }
}
