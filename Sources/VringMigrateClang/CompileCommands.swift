import Foundation

/// Reads a `compile_commands.json` into per-file clang arguments.
enum CompileCommands {
    struct LoadError: Error, CustomStringConvertible {
        let path: String
        let reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// GCC options clang rejects or that change nothing for parsing; dropped from kernel commands.
    static let gccOnlyPrefixes = [
        "-fconserve-stack", "-fno-var-tracking-assignments", "-mrecord-mcount", "-fno-allow-store-data-races",
        "-mindirect-branch", "-mpreferred-stack-boundary", "-mskip-rax-setup", "-fno-ipa-sra", "-fmin-function-alignment",
        "-mfunction-return", "-mharden-sls", "-fzero-call-used-regs", "-falign-jumps", "-fno-stack-clash-protection",
        "-fsanitize-coverage", "-Wno-", "-W", "-fplugin", "-mabi=", "-fno-delete-null-pointer-checks", "-fstack-check",
    ]

    static func load(_ path: String) throws -> [String: [String]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(path: path, reason: "cannot read the compilation database")
        }
        guard let entries = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else {
            throw LoadError(path: path, reason: "not a JSON array of compile commands")
        }
        var result: [String: [String]] = [:]
        for entry in entries {
            guard let file = entry["file"] as? String else { continue }
            let directory = entry["directory"] as? String ?? (path as NSString).deletingLastPathComponent
            let absolute = file.hasPrefix("/") ? file : directory + "/" + file
            let words = (entry["arguments"] as? [String]) ?? splitShellWords(entry["command"] as? String ?? "")
            result[(absolute as NSString).standardizingPath] = clangArguments(from: words, file: file, directory: directory)
        }
        return result
    }

    /// Drops the compiler, `-c`, `-o X`, the source itself and GCC-only flags; makes relative
    /// include paths absolute.
    static func clangArguments(from words: [String], file: String, directory: String) -> [String] {
        var result: [String] = []
        var index = 1
        while index < words.count {
            let word = words[index]
            index += 1
            if word == "-c" || word == file || word.hasSuffix("/" + file) { continue }
            if word == "-o" { index += 1; continue }
            if gccOnlyPrefixes.contains(where: { word.hasPrefix($0) }) { continue }
            if word.hasPrefix("-I"), word.count > 2, !word.dropFirst(2).hasPrefix("/") {
                result.append("-I" + directory + "/" + word.dropFirst(2))
            } else {
                result.append(word)
            }
        }
        return result
    }

    static func splitShellWords(_ command: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        for character in command {
            if escaped { current.append(character); escaped = false; continue }
            if character == "\\" && quote != "'" { escaped = true; continue }
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == " " || character == "\t" {
                if !current.isEmpty { words.append(current); current = "" }
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
