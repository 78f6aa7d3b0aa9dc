import Foundation

/// Renders scan sites: one readable line each, or one JSON object per line (format in README).
public enum SiteReporter {
    public struct Summary: Sendable {
        public var sites: Int
        public var confirmed: Int
        public var filesRead: Int
        public var filesParsed: Int
        public var filesFailed: Int
        public var mode: String
        /// Parses that loaded the shared precompiled kernel header.
        public var filesParsedWithSharedHeader: Int

        public init(
            sites: Int, confirmed: Int, filesRead: Int, filesParsed: Int, filesFailed: Int, mode: String,
            filesParsedWithSharedHeader: Int = 0
        ) {
            self.sites = sites
            self.confirmed = confirmed
            self.filesRead = filesRead
            self.filesParsed = filesParsed
            self.filesFailed = filesFailed
            self.mode = mode
            self.filesParsedWithSharedHeader = filesParsedWithSharedHeader
        }

        public var line: String {
            "\(sites) sites (\(confirmed) confirmed by the parse, \(sites - confirmed) not), "
                + "\(filesRead) files read, \(filesParsed) parsed\(Self.sharing(filesParsedWithSharedHeader)), "
                + "\(filesFailed) failed to parse; mode \(mode)"
        }

        /// " (4 with the shared kernel header)", or nothing when no parse loaded it.
        public static func sharing(_ count: Int) -> String {
            count == 0 ? "" : " (\(count) with the shared kernel header)"
        }
    }

    public static func text(_ sites: [Site]) -> String {
        sites.map(textLine).joined()
    }

    static func textLine(_ site: Site) -> String {
        var line = "\(site.path):\(site.line):\(site.column): \(site.kind.rawValue) \(site.name) [\(site.foundBy.rawValue)]"
        if let function = site.function { line += " in \(function)()" }
        if !site.conditions.isEmpty { line += " under \(site.conditions.joined(separator: " && "))" }
        if let arguments = site.arguments { line += " args(\(arguments.map(\.text).joined(separator: ", ")))" }
        for arm in site.arms ?? [] { line += " \(arm.arm)=\(arm.fences.joined(separator: "+"))" }
        if let note = site.note { line += " -- \(note)" }
        return line + "\n"
    }

    public static func jsonLines(_ sites: [Site], summary: Summary) -> String {
        var output = sites.map { jsonLine(object(for: $0)) }.joined()
        output += jsonLine([
            "kind": "summary", "sites": summary.sites, "confirmed": summary.confirmed,
            "unconfirmed": summary.sites - summary.confirmed, "files_read": summary.filesRead,
            "files_parsed": summary.filesParsed, "files_failed": summary.filesFailed, "mode": summary.mode,
            "files_parsed_with_shared_header": summary.filesParsedWithSharedHeader,
        ])
        return output
    }

    static func object(for site: Site) -> [String: Any] {
        var object: [String: Any] = [
            "kind": site.kind.rawValue, "name": site.name, "path": site.path, "line": site.line,
            "column": site.column, "start": site.range.start, "end": site.range.end,
            "function": site.function ?? NSNull(), "conditions": site.conditions, "found_by": site.foundBy.rawValue,
        ]
        if let note = site.note { object["note"] = note }
        if let macro = site.macro { object["macro"] = macro }
        if let arguments = site.arguments { object["arguments"] = arguments.map(spelled) }
        if let parameters = site.parameters { object["parameters"] = parameters.map(spelled) }
        if let form = site.form { object["form"] = form }
        if let queue = site.queue { object["queue"] = queue }
        if let arms = site.arms {
            object["arms"] = arms.map { ["arm": $0.arm, "condition": $0.condition, "fences": $0.fences] as [String: Any] }
        }
        return object
    }

    static func spelled(_ piece: SpelledText) -> [String: Any] {
        ["text": piece.text, "start": piece.start, "end": piece.end]
    }

    static func jsonLine(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
