/// Readable names for byte offsets, so oracle traces say "avail.idx" instead of "0x1002".
extension VringLayout {
    /// The ring field at `offset`, e.g. "desc[2].addr", "avail.ring[1]", "used.ring[0].len",
    /// "avail.used_event"; an offset inside a field gets "+k" ("desc[0].addr+4"); padding between
    /// the rings is "padding+k". Nil outside the ring.
    public func describe(_ offset: Int) -> String? {
        guard offset >= base, offset < end else { return nil }
        if offset < availOffset {
            let index = (offset - base) / Self.descriptorSize
            let within = (offset - base) % Self.descriptorSize
            return "desc[\(index)]." + Self.name(within, in: Self.descriptorFields)
        }
        if offset <= usedEvent + 1 { return describeAvail(offset - availOffset) }
        if offset < usedOffset { return "padding+\(offset - usedEvent - 2)" }
        return describeUsed(offset - usedOffset)
    }

    private func describeAvail(_ within: Int) -> String {
        if within < 4 { return "avail." + Self.name(within, in: Self.headerFields) }
        let slot = (within - 4) / 2
        let suffix = Self.suffix((within - 4) % 2)
        return slot < num ? "avail.ring[\(slot)]\(suffix)" : "avail.used_event\(suffix)"
    }

    private func describeUsed(_ within: Int) -> String {
        if within < 4 { return "used." + Self.name(within, in: Self.headerFields) }
        let slot = (within - 4) / Self.usedElementSize
        guard slot < num else { return "used.avail_event\(Self.suffix((within - 4) % 2))" }
        let field = Self.name((within - 4) % Self.usedElementSize, in: Self.usedElementFields)
        return "used.ring[\(slot)].\(field)"
    }

    /// (start, name) of each field of a record, in ascending order of start.
    typealias FieldTable = [(start: Int, name: String)]

    static let descriptorFields: FieldTable = [(0, "addr"), (8, "len"), (12, "flags"), (14, "next")]
    static let headerFields: FieldTable = [(0, "flags"), (2, "idx")]
    static let usedElementFields: FieldTable = [(0, "id"), (4, "len")]

    static func name(_ within: Int, in fields: FieldTable) -> String {
        let field = fields.last { $0.start <= within } ?? fields[0]
        return field.name + suffix(within - field.start)
    }

    static func suffix(_ k: Int) -> String { k == 0 ? "" : "+\(k)" }
}
