/// How one guest memory region is carved up: the ring at offset 0, then the indirect-table pool
/// (when indirect descriptors are used), then a data area for buffer payloads.
///
/// The harness, the tests and the oracle all build their memory from a plan, so `describe` can
/// name any offset of a trace.
public struct GuestMemoryPlan: Hashable, Sendable {
    public let layout: VringLayout
    public let indirect: IndirectPool?
    public let dataBase: Int
    public let dataBytes: Int

    /// - Parameters:
    ///   - indirectEntries: descriptors per indirect table, or nil for no pool.
    ///   - dataBytes: size of the payload area after ring and pool.
    public init(
        num: Int, align: Int = 4096, indirectEntries: Int? = nil, dataBytes: Int = 0
    ) throws(VringLayoutError) {
        layout = try VringLayout(num: num, align: align)
        let poolBase = Self.roundUp(layout.end, to: 16)
        indirect = indirectEntries.map {
            IndirectPool(base: poolBase, tableEntries: $0, tables: num)
        }
        dataBase = Self.roundUp(indirect?.end ?? layout.end, to: 64)
        self.dataBytes = dataBytes
    }

    /// Bytes the guest memory must have.
    public var totalBytes: Int { dataBase + dataBytes }

    /// A readable name for any offset: a ring field, an indirect entry, or "data+0x40".
    public func describe(_ offset: Int) -> String {
        if let name = layout.describe(offset) ?? indirect?.describe(offset) { return name }
        if offset >= dataBase { return "data+0x" + String(offset - dataBase, radix: 16) }
        return "gap+0x" + String(offset, radix: 16)
    }

    static func roundUp(_ value: Int, to alignment: Int) -> Int {
        (value + alignment - 1) / alignment * alignment
    }
}
