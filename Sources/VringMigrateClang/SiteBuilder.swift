import VringMigrateCore

/// Turns one file's token occurrences plus what the parses confirmed into sites.
///
/// Every occurrence becomes exactly one site. The parse decides `found_by = ast`; a macro body,
/// a skipped branch or an unconfirmed token keeps its place with the reason in `note`.
struct SiteBuilder {
    let file: SourceFile
    let scan: CScanResult
    /// Merged facts of every parse that reached this file; nil when none did.
    let facts: ASTFacts.PerFile?
    /// Why there are no facts, when there are none.
    let unparsedReason: String
    /// Macro name → where it was expanded, over every parsed file.
    let expandedMacros: [String: String]

    func sites() -> [Site] {
        scan.occurrences.map(site(for:))
    }

    private func site(for occurrence: TokenOccurrence) -> Site {
        let position = file.position(of: occurrence.range.start)
        var site = Site(
            kind: .call, name: occurrence.name, path: file.relativePath, line: position.line,
            column: position.column, range: occurrence.range,
            function: facts?.function(containing: occurrence.range.start) ?? occurrence.function,
            conditions: occurrence.conditions, foundBy: .tokens)
        site.macro = occurrence.macro
        if occurrence.name == WatchedNames.constructor {
            classifyConstructor(&site, occurrence)
        } else {
            classifyBarrier(&site, occurrence)
        }
        if [.declaration, .definition, .barrierDefinition].contains(site.kind) { site.function = nil }
        attachSpelling(&site)
        return site
    }

    private func classifyConstructor(_ site: inout Site, _ occurrence: TokenOccurrence) {
        let offset = occurrence.range.start
        let syntax = syntacticKind(occurrence)
        if let facts, let call = facts.calls[offset], call.name == occurrence.name {
            site.kind = .call
            site.foundBy = .ast
        } else if let facts, let declaration = facts.declarations[offset] {
            site.kind = declaration.isDefinition ? .definition : .declaration
            site.foundBy = .ast
        } else if let facts, facts.references.contains(offset) {
            site.kind = .reference
            site.foundBy = .ast
        } else {
            site.kind = syntax
            site.foundBy = fallbackFoundBy(occurrence)
            site.note = fallbackNote(occurrence)
        }
    }

    private func classifyBarrier(_ site: inout Site, _ occurrence: TokenOccurrence) {
        let offset = occurrence.range.start
        if occurrence.macro == occurrence.name {
            site.kind = .barrierDefinition
            site.form = "macro"
            let confirmed = facts?.macroDefinitions.contains(offset) ?? false
            site.foundBy = confirmed ? .ast : (isSkipped(offset) ? .inactiveBranch : .tokens)
            if !confirmed { site.note = fallbackNote(occurrence) }
            site.macro = nil
            return
        }
        if let facts, let declaration = facts.declarations[offset] {
            site.kind = declaration.isDefinition ? .barrierDefinition : .declaration
            site.form = "function"
            site.foundBy = .ast
            return
        }
        site.kind = .barrierUse
        if let facts, facts.calls[offset]?.name == occurrence.name || facts.macroExpansions[offset] == occurrence.name {
            site.foundBy = .ast
            site.queue = facts.queueVariable(before: offset)
        } else {
            site.foundBy = fallbackFoundBy(occurrence)
            site.note = fallbackNote(occurrence)
        }
    }

    private func isSkipped(_ offset: Int) -> Bool { facts?.isSkipped(offset) ?? false }

    private func fallbackFoundBy(_ occurrence: TokenOccurrence) -> FoundBy {
        if occurrence.macro != nil { return isSkipped(occurrence.range.start) ? .inactiveBranch : .macroBody }
        return isSkipped(occurrence.range.start) ? .inactiveBranch : .tokens
    }

    private func fallbackNote(_ occurrence: TokenOccurrence) -> String? {
        let offset = occurrence.range.start
        if isSkipped(offset) { return "in a branch the preprocessor skipped under the parse's configuration" }
        if let macro = occurrence.macro, macro != occurrence.name {
            if let place = expandedMacros[macro] { return "in the body of macro \(macro), expanded at \(place)" }
            return "in the body of macro \(macro), which no parsed file expands"
        }
        if facts == nil { return unparsedReason }
        if let outer = facts?.expansionExtents.first(where: { $0.start < offset && offset < $0.end }) {
            return "an argument of macro \(outer.name), whose expansion under the parse's configuration does not use it"
        }
        return "the parse produced no matching node here (an argument that fails to type-check drops the call)"
    }

    /// What the bytes say the occurrence is, for sites the parse did not confirm.
    private func syntacticKind(_ occurrence: TokenOccurrence) -> SiteKind {
        let bytes = file.bytes
        guard let next = CLexer.nextSignificant(bytes, from: occurrence.range.end, stopAtNewline: false),
            bytes[next] == UInt8(ascii: "(")
        else { return .reference }
        if occurrence.function != nil || occurrence.macro != nil { return .call }
        guard let close = CLexer.matchingParen(bytes, open: next),
            let after = CLexer.nextSignificant(bytes, from: close + 1, stopAtNewline: false)
        else { return .declaration }
        return bytes[after] == UInt8(ascii: "{") ? .definition : .declaration
    }

    private func attachSpelling(_ site: inout Site) {
        let bytes = file.bytes
        if site.kind == .barrierDefinition {
            site.arms = armsOfDefinition(site)
            return
        }
        guard site.kind != .reference,
            let open = CLexer.nextSignificant(bytes, from: site.range.end, stopAtNewline: false),
            bytes[open] == UInt8(ascii: "("), let close = CLexer.matchingParen(bytes, open: open)
        else { return }
        let pieces = CLexer.splitArguments(bytes, open: open, close: close).map { SpelledText(text: file.text($0), range: $0) }
        if site.kind == .declaration || site.kind == .definition {
            site.parameters = pieces
        } else {
            site.arguments = pieces
        }
    }

    private func armsOfDefinition(_ site: Site) -> [BarrierArm] {
        if site.form == "macro", let macro = scan.macros.first(where: { $0.nameRange == site.range }) {
            return BarrierArms.arms(in: file.bytes, body: macro.body, branch: site.conditions)
        }
        let bytes = file.bytes
        guard let open = CLexer.nextSignificant(bytes, from: site.range.end, stopAtNewline: false),
            let close = CLexer.matchingParen(bytes, open: open),
            let brace = CLexer.nextSignificant(bytes, from: close + 1, stopAtNewline: false),
            bytes[brace] == UInt8(ascii: "{"), let end = CLexer.matchingBrace(bytes, open: brace)
        else { return [] }
        return BarrierArms.arms(in: bytes, body: ByteRange(start: brace + 1, end: end), branch: site.conditions)
    }
}
