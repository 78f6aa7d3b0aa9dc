/// Taking used buffers back, and giving back buffers the device never used.
extension VringDriver {
    /// The next buffer the device returned, or nil when used->idx shows nothing new.
    ///
    /// rmb (`getBufAfterUsedIdx`) sits between the used->idx load and the used element load:
    /// without it the element could be read before the device wrote it. With callbacks on, the
    /// driver then moves used_event to its new position and needs mb
    /// (`getBufAfterEventWrite`) so the store is visible before any later used->idx check.
    public func getBuffer() throws(VringDriverError) -> UsedBuffer? {
        guard !isBroken else { throw .broken }
        let usedIdx = memory.load16(at: layout.usedIdx)
        guard usedIdx != lastUsedIdx else { return nil }
        guard Int(usedIdx &- lastUsedIdx) <= buffersInFlight else {
            throw markBroken(.usedIndexAhead(used: usedIdx, lastSeen: lastUsedIdx, inFlight: buffersInFlight))
        }
        fence(.rmb, at: .getBufAfterUsedIdx)
        let element = slot(lastUsedIdx)
        let id = memory.load32(at: layout.usedRingID(element))
        let length = memory.load32(at: layout.usedRingLen(element))
        guard id < layout.num else { throw markBroken(.usedIDOutOfRange(id: id, num: layout.num)) }
        let head = Int(id)
        guard chainLength[head] != 0 else { throw markBroken(.usedIDNotAHead(id: id)) }
        let token = tokens[head]
        release(head: head)
        lastUsedIdx &+= 1
        if availFlagsShadow & VringFlags.availNoInterrupt == 0 {
            memory.store16(at: layout.usedEvent, lastUsedIdx)
            fence(.mb, at: .getBufAfterEventWrite)
        }
        return UsedBuffer(token: token, length: length)
    }

    /// Takes back one buffer the device has not used, or nil when none is left. Only valid when
    /// the device is stopped (after a reset), as in Linux: it also moves avail->idx back, with
    /// no barrier, because no one is reading it.
    public func detachUnusedBuffer() -> UInt64? {
        guard let head = chainLength.firstIndex(where: { $0 != 0 }) else { return nil }
        let token = tokens[head]
        release(head: head)
        availIdxShadow &-= 1
        publishedAvailIdx = availIdxShadow
        memory.store16(at: layout.availIdx, availIdxShadow)
        return token
    }

    /// Returns a head's descriptors to the front of the free list.
    func release(head: Int) {
        let count = Int(chainLength[head])
        var last = head
        for _ in 1..<count { last = Int(nextShadow[last]) }
        nextShadow[last] = UInt16(truncatingIfNeeded: freeHead)
        freeHead = head
        freeDescriptors += count
        chainLength[head] = 0
        tokens[head] = 0
        buffersInFlight -= 1
    }

    func markBroken(_ error: VringDriverError) -> VringDriverError {
        isBroken = true
        return error
    }
}
