import VringMigrateCore

/// The definition and every prototype gain `bool weak_barriers` right after the `vdev` parameter,
/// on a line of its own aligned like its neighbours when the parameters are one per line.
struct ParameterStep {
    let file: SourceFile
    let site: Site

    func run(into plan: inout MigrationPlan) {
        guard let parameters = site.parameters else { return }
        let names = parameters.map { ConstructorAPI.declaredName($0.text) }
        if names.contains("weak_barriers") { return }
        guard let vdev = names.firstIndex(of: "vdev"), vdev + 1 < parameters.count else {
            plan.problem(at: site.path, line: site.line, "\(site.kind.rawValue) has no vdev parameter to follow", site: site)
            return
        }
        let next = parameters[vdev + 1]
        let bytes = file.bytes
        let lineStart = KernelLayout.lineStart(bytes, next.start)
        let onItsOwnLine = bytes[lineStart..<next.start].allSatisfy(CLexer.isHorizontalSpace)
        let edit: SourceEdit
        if onItsOwnLine {
            let indent = String(decoding: bytes[lineStart..<next.start], as: UTF8.self)
            edit = .insert(indent + "bool weak_barriers," + file.newline, at: lineStart, in: site.path)
        } else {
            edit = .insert("bool weak_barriers, ", at: next.start, in: site.path)
        }
        plan.add(edit, review: ReviewEntry(
            path: site.path, line: site.line, what: "add parameter bool weak_barriers to the \(site.kind.rawValue)",
            foundBy: site.foundBy))
    }
}

/// The ring's private queue struct gains `bool weak_barriers;` after its `struct vring` member.
struct StructFieldStep {
    let file: SourceFile

    func run(into plan: inout MigrationPlan) {
        let bytes = file.bytes
        guard let structStart = TextSearch.find("struct vring_virtqueue {", in: bytes),
            let open = TextSearch.find("{", in: bytes, from: structStart), let close = CLexer.matchingBrace(bytes, open: open)
        else {
            plan.problem(at: file.relativePath, line: 1, "no struct vring_virtqueue definition beside the constructor; add bool weak_barriers by hand")
            return
        }
        let body = ByteRange(start: open, end: close)
        if TextSearch.find("weak_barriers", in: bytes, from: open, before: close) != nil { return }
        guard let member = TextSearch.find("struct vring vring;", in: bytes, from: body.start, before: body.end) else {
            plan.problem(at: file.relativePath, line: file.position(of: open).line, "struct vring_virtqueue has no struct vring member to follow")
            return
        }
        let lineStart = KernelLayout.lineStart(bytes, member)
        let indent = String(decoding: bytes[lineStart..<member], as: UTF8.self)
        let nextLine = KernelLayout.lineEnd(bytes, member) + file.newline.utf8.count
        let newline = file.newline
        let text = newline + indent + "/* Can we use weak barriers? */" + newline + indent + "bool weak_barriers;" + newline
        plan.add(.insert(text, at: nextLine, in: file.relativePath), review: ReviewEntry(
            path: file.relativePath, line: file.position(of: member).line, what: "add field bool weak_barriers to struct vring_virtqueue",
            foundBy: .tokens))
    }
}

/// The constructor stores the flag next to where it stores `notify`.
struct ConstructorAssignmentStep {
    let file: SourceFile
    let site: Site

    func run(into plan: inout MigrationPlan) {
        let bytes = file.bytes
        guard let open = TextSearch.find("{", in: bytes, from: site.range.end), let close = CLexer.matchingBrace(bytes, open: open) else { return }
        if TextSearch.find("->weak_barriers = weak_barriers", in: bytes, from: open, before: close) != nil { return }
        guard let notify = TextSearch.find("->notify = notify;", in: bytes, from: open, before: close) else {
            plan.problem(at: site.path, line: site.line, "constructor does not store notify; set vq->weak_barriers by hand", site: site)
            return
        }
        let lineStart = KernelLayout.lineStart(bytes, notify)
        var variableStart = notify
        while variableStart > lineStart && CLexer.isIdentifierByte(bytes[variableStart - 1]) { variableStart -= 1 }
        let indent = String(decoding: bytes[lineStart..<variableStart], as: UTF8.self)
        let variable = String(decoding: bytes[variableStart..<notify], as: UTF8.self)
        let nextLine = KernelLayout.lineEnd(bytes, notify) + file.newline.utf8.count
        let text = indent + variable + "->weak_barriers = weak_barriers;" + file.newline
        plan.add(.insert(text, at: nextLine, in: site.path), review: ReviewEntry(
            path: site.path, line: file.position(of: notify).line + 1, what: "store weak_barriers in the constructor",
            foundBy: site.foundBy))
    }
}

/// Plain byte search, for the few fixed spellings the migration keys on.
enum TextSearch {
    static func find(_ needle: String, in bytes: [UInt8], from start: Int = 0, before end: Int? = nil) -> Int? {
        let pattern = Array(needle.utf8)
        let limit = min(end ?? bytes.count, bytes.count) - pattern.count
        guard start <= limit else { return nil }
        var index = start
        while index <= limit {
            if bytes[index] == pattern[0] && Array(bytes[index..<index + pattern.count]) == pattern { return index }
            index += 1
        }
        return nil
    }
}
