import VringMigrateCore

/// Inserts the `weak_barriers` value into one call, right after the `vdev` argument, with the value
/// the rules table gives its transport; re-wraps the argument list only when a line then exceeds
/// 80 columns.
struct CallStep {
    let file: SourceFile
    let site: Site
    let api: ConstructorAPI
    let rules: RulesTable

    func run(into plan: inout MigrationPlan) {
        guard let arguments = site.arguments else {
            plan.problem(at: site.path, line: site.line, "cannot read the arguments of this call", site: site)
            return
        }
        if arguments.count == api.migratedArity { return }
        guard arguments.count == api.migratedArity - 1, let vdev = api.unmigratedIndex(of: "vdev"), vdev + 1 < arguments.count else {
            plan.problem(at: site.path, line: site.line,
                "call has \(arguments.count) arguments; expected \(api.migratedArity - 1) (before) or \(api.migratedArity) (after the migration)", site: site)
            return
        }
        let notify = api.unmigratedIndex(of: "notify").flatMap { $0 < arguments.count ? arguments[$0].text : nil }
        let facts = CallSiteFacts(path: site.path, notify: notify, function: site.function)
        switch rules.resolve(facts) {
        case .noRule:
            plan.problem(at: site.path, line: site.line,
                "no transport rule matches this call (path \(site.path), notify \(notify ?? "?"), function \(site.function ?? "?")); left unchanged", site: site)
        case .conflict(let candidates):
            let names = candidates.map { "\($0.transport) (\($0.weakBarriers))" }.joined(separator: ", ")
            plan.problem(at: site.path, line: site.line, "transport rules disagree for this call: \(names); left unchanged", site: site)
        case .value(let value, let rule, _):
            let edit = edit(inserting: value ? "true" : "false", before: arguments[vdev + 1], arguments: arguments)
            let evidence = rule.evidence(for: facts)?.map(\.description).joined(separator: ", ")
            var what = "insert weak_barriers argument"
            if site.foundBy == .inactiveBranch { what += " (in an inactive #if branch)" }
            if site.foundBy == .macroBody { what += " (in the body of macro \(site.macro ?? "?"))" }
            plan.add(edit, review: ReviewEntry(
                path: site.path, line: site.line, what: what, transport: rule.transport, rule: "#\(rule.index)",
                value: value ? "true" : "false", peer: rule.peer.rawValue, evidence: evidence, foundBy: site.foundBy))
        }
    }

    private func edit(inserting value: String, before next: SpelledText, arguments: [SpelledText]) -> SourceEdit {
        let simple = SourceEdit.insert("\(value), ", at: next.start, in: site.path)
        let bytes = file.bytes
        var after = bytes
        after.insert(contentsOf: Array("\(value), ".utf8), at: next.start)
        let changedLine = ByteRange(start: next.start, end: next.start + value.utf8.count + 2)
        guard KernelLayout.widestLine(in: after, around: changedLine) > KernelLayout.maximumWidth,
            let rewrapped = rewrap(arguments: arguments, inserting: value, after: arguments.firstIndex(of: next)! - 1)
        else { return simple }
        return rewrapped
    }

    /// Re-flows the whole argument list greedily, continuation lines under the first argument.
    /// Refused (nil) where it would lose something: a comment between arguments, a multi-line
    /// argument, or a macro definition (which would need backslashes).
    private func rewrap(arguments: [SpelledText], inserting value: String, after index: Int) -> SourceEdit? {
        let bytes = file.bytes
        guard site.macro == nil, let first = arguments.first, let last = arguments.last else { return nil }
        let open = first.start - 1, close = last.end
        let region = ByteRange(start: first.start, end: last.end)
        let texts = arguments.map(\.text)
        guard !texts.contains(where: { $0.contains("\n") }) else { return nil }
        let gapsHaveOnlyCommas = zip(arguments, arguments.dropFirst()).allSatisfy { left, right in
            CLexer.normalizedText(bytes, ByteRange(start: left.end, end: right.start)) == ","
                && !Array(bytes[left.end..<right.start]).contains(UInt8(ascii: "/"))
        }
        guard gapsHaveOnlyCommas, bytes[open] == UInt8(ascii: "(") || CLexer.nextSignificant(bytes, from: open, stopAtNewline: false) != nil else { return nil }
        var pieces = texts
        pieces.insert(value, at: index + 1)
        let lineStart = KernelLayout.lineStart(bytes, first.start)
        let indentColumn = KernelLayout.width(of: bytes[lineStart..<first.start])
        let tail = KernelLayout.width(of: bytes[close..<KernelLayout.lineEnd(bytes, close)])
        var output = ""
        var column = indentColumn
        for (position, piece) in pieces.enumerated() {
            let isLast = position == pieces.count - 1
            let text = isLast ? piece : piece + ","
            let width = KernelLayout.width(of: Array(text.utf8)) + (isLast ? tail : 0)
            if position == 0 {
                output += text
                column += width
            } else if column + 1 + width <= KernelLayout.maximumWidth {
                output += " " + text
                column += 1 + width
            } else {
                output += file.newline + KernelLayout.indentation(toColumn: indentColumn) + text
                column = indentColumn + width
            }
        }
        return SourceEdit(path: site.path, range: region, replacement: output)
    }
}
