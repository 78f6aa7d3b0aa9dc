import Vring
import VringMigrateCore

/// Rewrites an argument-less barrier macro into the per-queue form, from the fence table, so a
/// wrong fence kind cannot be written: under CONFIG_SMP the queue chooses SMP or mandatory fences;
/// in the non-SMP branch the fence stays mandatory but the macro takes the queue too.
struct BarrierMacroStep {
    let file: SourceFile
    let site: Site
    let scan: CScanResult?

    /// Helper name → the fence kind its name promises; the primitives come from Vring's table.
    static let kinds: [String: FenceKind] = ["virtio_mb": .mb, "virtio_rmb": .rmb, "virtio_wmb": .wmb]

    func run(into plan: inout MigrationPlan) {
        guard site.form == "macro", let kind = Self.kinds[site.name],
            let macro = scan?.macros.first(where: { $0.nameRange == site.range }), macro.parameters == []
        else { return }
        let pair = (smp: FencePrimitive.smp(kind).rawValue, mandatory: FencePrimitive.mandatory(kind).rawValue)
        let newline = file.newline
        let nonSMP = site.conditions.last.map { $0.hasPrefix("!") && $0.contains("CONFIG_SMP") } ?? false
        let text = nonSMP
            ? "#define \(site.name)(vq) \(pair.mandatory)()"
            : "#define \(site.name)(vq) \\" + newline
                + "\tdo { if ((vq)->weak_barriers) \(pair.smp)(); else \(pair.mandatory)(); } while(0)"
        var what = "barrier macro takes the queue: " + (nonSMP ? "\(pair.mandatory)()" : "\(pair.smp)() or \(pair.mandatory)() per queue")
        if site.foundBy == .inactiveBranch { what += " (in an inactive #if branch)" }
        plan.add(SourceEdit(path: site.path, range: macro.directive, replacement: text), review: ReviewEntry(
            path: site.path, line: site.line, what: what, foundBy: site.foundBy))
    }
}

/// `virtio_Xmb()` becomes `virtio_Xmb(vq)` with the queue in scope: a `struct vring_virtqueue *`
/// of the enclosing function, or the `vq` parameter of the enclosing macro.
struct BarrierUseStep {
    let file: SourceFile
    let site: Site
    let scan: CScanResult?

    func run(into plan: inout MigrationPlan) {
        guard let arguments = site.arguments, arguments.isEmpty,
            let open = CLexer.nextSignificant(file.bytes, from: site.range.end, stopAtNewline: false)
        else { return }
        guard let queue = queueInScope() else {
            plan.problem(at: site.path, line: site.line, "\(site.name)() has no struct vring_virtqueue in scope to pass; left unchanged", site: site)
            return
        }
        var what = "\(site.name)() takes the queue \(queue)"
        if site.foundBy == .macroBody { what += " (in the body of macro \(site.macro ?? "?"))" }
        if site.foundBy == .inactiveBranch { what += " (in an inactive #if branch)" }
        plan.add(.insert(queue, at: open + 1, in: site.path), review: ReviewEntry(
            path: site.path, line: site.line, what: what, foundBy: site.foundBy))
    }

    /// The parse's answer when it saw the use; for a macro body, the macro's `vq` parameter; for
    /// a use only the token scan saw, the last `struct vring_virtqueue *NAME` spelled in the
    /// function before it.
    private func queueInScope() -> String? {
        if let queue = site.queue { return queue }
        if let name = site.macro {
            let parameters = scan?.macros.first { $0.name == name && $0.body.contains(site.range.start) }?.parameters ?? []
            return parameters.first { $0 == "vq" || $0 == "_vq" }
        }
        guard let functions = scan?.functions, let body = functions.first(where: { $0.body.contains(site.range.start) })?.body
        else { return nil }
        // The parameters sit between the previous function's closing brace and this body.
        let previousEnd = functions.map(\.body.end).filter { $0 <= body.start }.max() ?? 0
        let searchStart = max(previousEnd, body.start - 1024)
        let bytes = file.bytes
        var cursor = searchStart
        var found: String?
        while let hit = TextSearch.find("struct vring_virtqueue *", in: bytes, from: cursor, before: site.range.start) {
            let nameStart = hit + "struct vring_virtqueue *".utf8.count
            let nameEnd = CLexer.identifierEnd(bytes, from: nameStart)
            if nameEnd > nameStart { found = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self) }
            cursor = nameEnd + 1
        }
        return found
    }
}
