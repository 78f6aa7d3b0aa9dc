/// Where the driver keeps indirect descriptor tables.
///
/// Design: one fixed table per descriptor head, carved out of the same guest memory as the ring
/// (so the oracle sees indirect entries as ordinary shared accesses). The table of head `h`
/// starts at `base + h * tableEntries * 16`. A head carries at most one indirect table and the
/// table lives exactly as long as the head is in flight, so this needs no allocator and never
/// fails at run time; it costs `num * tableEntries * 16` bytes.
public struct IndirectPool: Hashable, Sendable {
    public let base: Int
    /// Descriptors per table: the most segments one indirect buffer may have.
    public let tableEntries: Int
    public let tables: Int

    public init(base: Int, tableEntries: Int, tables: Int) {
        precondition(base % 16 == 0, "indirect tables must be 16-byte aligned")
        precondition(tableEntries >= 1 && tableEntries <= 65535 / 16, "bad indirect table size")
        self.base = base
        self.tableEntries = tableEntries
        self.tables = tables
    }

    public var tableBytes: Int { tableEntries * VringLayout.descriptorSize }
    public var size: Int { tables * tableBytes }
    public var end: Int { base + size }

    /// Guest address of head `head`'s table.
    public func table(forHead head: Int) -> Int { base + head * tableBytes }

    /// Offset of entry `entry` of the table at guest address `table`.
    public func entry(_ entry: Int, ofTableAt table: Int) -> Int {
        table + entry * VringLayout.descriptorSize
    }

    /// "indirect[3][1].len" for an offset inside the pool; nil outside.
    public func describe(_ offset: Int) -> String? {
        guard offset >= base, offset < end else { return nil }
        let table = (offset - base) / tableBytes
        let within = (offset - base) % tableBytes
        let entry = within / VringLayout.descriptorSize
        let field = VringLayout.name(
            within % VringLayout.descriptorSize, in: VringLayout.descriptorFields)
        return "indirect[\(table)][\(entry)].\(field)"
    }
}
