/// Adding buffers: descriptors plus one avail ring entry. Nothing is visible to the device
/// until `kickPrepare()` publishes avail->idx, so `add` needs no barrier.
extension VringDriver {
    /// Queues one buffer: `out` segments the device reads, then `inSegments` it writes.
    /// Uses an indirect table when the feature is on and the buffer has more than one segment
    /// (as Linux does), otherwise a chain of direct descriptors.
    public func add(
        out: [BufferSegment], in inSegments: [BufferSegment], token: UInt64
    ) throws(VringDriverError) {
        guard !isBroken else { throw .broken }
        let total = out.count + inSegments.count
        guard total > 0 else { throw .noSegments }
        let head = freeHead
        if let pool = indirectPool, total > 1, total <= pool.tableEntries {
            guard freeDescriptors >= 1 else { throw .queueFull(needed: 1, free: freeDescriptors) }
            let table = pool.table(forHead: head)
            writeChain(out, inSegments, tableAt: table, pool: pool)
            writeDescriptor(
                at: layout.descAddr(head), addr: UInt64(table), len: UInt32(total * 16),
                flags: VringFlags.descIndirect, next: nextShadow[head])
            take(head: head, descriptors: 1)
        } else {
            guard total <= layout.num else {
                throw .chainTooLong(segments: total, limit: max(layout.num, indirectPool?.tableEntries ?? 0))
            }
            guard freeDescriptors >= total else {
                throw .queueFull(needed: total, free: freeDescriptors)
            }
            writeDirectChain(out, inSegments, from: head)
            take(head: head, descriptors: total)
        }
        tokens[head] = token
        memory.store16(at: layout.availRing(slot(availIdxShadow)), UInt16(head))
        availIdxShadow &+= 1
    }

    /// Writes the chain into the descriptor table, following the free list from `head`.
    private func writeDirectChain(_ out: [BufferSegment], _ ins: [BufferSegment], from head: Int) {
        var remaining = out.count + ins.count
        let afterOut = writeDirect(out, write: false, from: head, remaining: &remaining)
        _ = writeDirect(ins, write: true, from: afterOut, remaining: &remaining)
    }

    /// Writes `segments` to free descriptors starting at `index`; returns the next free one.
    private func writeDirect(
        _ segments: [BufferSegment], write: Bool, from index: Int, remaining: inout Int
    ) -> Int {
        var index = index
        for segment in segments {
            remaining -= 1
            let next = nextShadow[index]
            writeDescriptor(
                at: layout.descAddr(index), addr: segment.addr, len: segment.len,
                flags: chainFlags(write: write, last: remaining == 0), next: next)
            index = Int(next)
        }
        return index
    }

    /// Writes the chain into an indirect table; entries link to their successor in the table.
    private func writeChain(
        _ out: [BufferSegment], _ ins: [BufferSegment], tableAt table: Int, pool: IndirectPool
    ) {
        let total = out.count + ins.count
        for entry in 0..<total {
            let write = entry >= out.count
            let segment = write ? ins[entry - out.count] : out[entry]
            writeDescriptor(
                at: pool.entry(entry, ofTableAt: table), addr: segment.addr, len: segment.len,
                flags: chainFlags(write: write, last: entry == total - 1), next: UInt16(entry + 1))
        }
    }

    private func chainFlags(write: Bool, last: Bool) -> UInt16 {
        (write ? VringFlags.descWrite : 0) | (last ? 0 : VringFlags.descNext)
    }

    private func writeDescriptor(at offset: Int, addr: UInt64, len: UInt32, flags: UInt16, next: UInt16) {
        memory.store64(at: offset, addr)
        memory.store32(at: offset + 8, len)
        memory.store16(at: offset + 12, flags)
        memory.store16(at: offset + 14, next)
    }

    /// Unlinks `descriptors` entries starting at `head` from the free list.
    private func take(head: Int, descriptors: Int) {
        var index = head
        for _ in 0..<descriptors { index = Int(nextShadow[index]) }
        freeHead = index
        freeDescriptors -= descriptors
        chainLength[head] = UInt16(descriptors)
        buffersInFlight += 1
    }
}
