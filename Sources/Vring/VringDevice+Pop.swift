/// Popping available chains.
extension VringDevice {
    /// Pops the next available chain into `chain`; false when the driver published nothing new.
    ///
    /// rmb (`devicePopAfterAvailIdx`) follows the avail->idx load: the avail entry and the
    /// descriptors must not be read before the index that published them. One rmb covers every
    /// entry below the index it fenced, so a batch of pops loads avail->idx and fences once.
    public func pop(into chain: inout DeviceChain) throws(VringDeviceError) -> Bool {
        guard !isBroken else { throw .broken }
        if lastAvailIdx == fencedAvailIdx {
            let availIdx = memory.load16(at: layout.availIdx)
            guard availIdx != lastAvailIdx else { return false }
            guard Int(availIdx &- lastAvailIdx) <= layout.num else {
                throw markBroken(.availIndexAhead(avail: availIdx, lastSeen: lastAvailIdx))
            }
            fence(.rmb, at: .devicePopAfterAvailIdx)
            fencedAvailIdx = availIdx
        }
        let head = memory.load16(at: layout.availRing(slot(lastAvailIdx)))
        lastAvailIdx &+= 1
        guard Int(head) < layout.num else { throw markBroken(.headOutOfRange(head: head)) }
        do {
            try walkChain(from: head, into: &chain)
        } catch {
            throw markBroken(error)
        }
        return true
    }

    /// Convenience for tests and the oracle: the next chain, or nil.
    public func popAvailable() throws(VringDeviceError) -> DeviceChain? {
        var chain = DeviceChain()
        return try pop(into: &chain) ? chain : nil
    }

    /// Number of avail entries published but not yet popped, by a fresh avail->idx load. No
    /// barrier: it is only a hint for the caller's polling loop.
    public func availablePeek() -> Int {
        Int(memory.load16(at: layout.availIdx) &- lastAvailIdx)
    }

    private func walkChain(from head: UInt16, into chain: inout DeviceChain) throws(VringDeviceError) {
        chain.reset(head: head)
        var index = Int(head)
        for _ in 0..<layout.num {
            let descriptor = readDescriptor(at: layout.descAddr(index))
            if descriptor.flags & VringFlags.descIndirect != 0 {
                return try walkIndirect(descriptor, into: &chain)
            }
            try chain.append(descriptor.segment, addressLimit: addressLimit)
            guard descriptor.flags & VringFlags.descNext != 0 else { return }
            guard Int(descriptor.next) < layout.num else {
                throw .nextOutOfRange(next: descriptor.next, limit: layout.num)
            }
            index = Int(descriptor.next)
        }
        throw .chainLoop(head: head)
    }

    /// Follows an indirect descriptor: the table must be 16-byte aligned and inside guest
    /// memory, and its entries may neither nest tables nor link outside the table.
    private func walkIndirect(
        _ descriptor: RawDescriptor, into chain: inout DeviceChain
    ) throws(VringDeviceError) {
        guard features.indirect else { throw .indirectNotNegotiated }
        guard descriptor.flags & VringFlags.descNext == 0 else { throw .indirectWithNext }
        let length = descriptor.len
        guard length > 0, length % 16 == 0 else { throw .badIndirectLength(length) }
        let end = descriptor.addr.addingReportingOverflow(UInt64(length))
        guard descriptor.addr % 16 == 0, !end.overflow, end.partialValue <= UInt64(addressLimit) else {
            throw .badIndirectTable(addr: descriptor.addr)
        }
        let table = Int(descriptor.addr)
        let entries = Int(length / 16)
        var index = 0
        for _ in 0..<entries {
            let entry = readDescriptor(at: table + index * VringLayout.descriptorSize)
            guard entry.flags & VringFlags.descIndirect == 0 else { throw .nestedIndirect }
            try chain.append(entry.segment, addressLimit: addressLimit)
            guard entry.flags & VringFlags.descNext != 0 else { return }
            guard Int(entry.next) < entries else {
                throw .nextOutOfRange(next: entry.next, limit: entries)
            }
            index = Int(entry.next)
        }
        throw .chainLoop(head: chain.head)
    }

    private func readDescriptor(at offset: Int) -> RawDescriptor {
        RawDescriptor(
            addr: memory.load64(at: offset), len: memory.load32(at: offset + 8),
            flags: memory.load16(at: offset + 12), next: memory.load16(at: offset + 14))
    }
}

/// A descriptor exactly as read from memory.
struct RawDescriptor {
    var addr: UInt64
    var len: UInt32
    var flags: UInt16
    var next: UInt16

    var segment: DeviceSegment {
        DeviceSegment(addr: addr, len: len, writable: flags & VringFlags.descWrite != 0)
    }
}
