/// Returning buffers and the two notification directions on the device side.
extension VringDevice {
    /// Writes a used element for `head` (no barrier: invisible until `publishUsed()`).
    public func addUsed(head: UInt16, length: UInt32) {
        let element = slot(usedIdxShadow)
        memory.store32(at: layout.usedRingID(element), UInt32(head))
        memory.store32(at: layout.usedRingLen(element), length)
        usedIdxShadow &+= 1
    }

    /// Publishes every element added since the last call. wmb (`devicePushPublish`) keeps the
    /// elements (and the payload written before them) ahead of used->idx.
    public func publishUsed() {
        guard usedIdxShadow != publishedUsedIdx else { return }
        fence(.wmb, at: .devicePushPublish)
        memory.store16(at: layout.usedIdx, usedIdxShadow)
        publishedUsedIdx = usedIdxShadow
    }

    /// `addUsed` then `publishUsed`: one buffer returned at once.
    public func pushUsed(head: UInt16, length: UInt32) {
        addUsed(head: head, length: length)
        publishUsed()
    }

    /// Elements added but not yet published.
    public var unpublishedUsed: Int { Int(usedIdxShadow &- publishedUsedIdx) }

    /// Whether the driver wants an interrupt for what was published since the last call.
    ///
    /// mb (`deviceNotifyBeforeEventCheck`): the used->idx store must be visible before avail
    /// flags or used_event are read, pairing with the driver's mb after it re-enables
    /// callbacks; anything weaker can lose the interrupt.
    public func needsNotify() -> Bool {
        fence(.mb, at: .deviceNotifyBeforeEventCheck)
        let old = usedIdxAtLastNotifyCheck
        let new = publishedUsedIdx
        usedIdxAtLastNotifyCheck = new
        if features.eventIdx {
            let event = memory.load16(at: layout.usedEvent)
            return vringNeedEvent(eventIdx: event, newIdx: new, oldIdx: old)
        }
        return memory.load16(at: layout.availFlags) & VringFlags.availNoInterrupt == 0
    }

    /// Asks the driver not to kick (used->flags NO_NOTIFY). With event index there is nothing
    /// to write: the stale avail_event already limits kicks to one.
    public func disableNotify() {
        guard !kicksSuppressed else { return }
        kicksSuppressed = true
        if !features.eventIdx { memory.store16(at: layout.usedFlags, VringFlags.usedNoNotify) }
    }

    /// Asks for a kick on the next published buffer, then re-checks. Returns true when nothing
    /// is pending (safe to sleep until kicked); false when the driver published more meanwhile
    /// (keep polling; the kick for it may have been suppressed).
    ///
    /// mb (`deviceEnableNotifyAfterEventWrite`): the flags/avail_event store must be visible
    /// before avail->idx is re-read, pairing with the driver's mb in `kickPrepare()`.
    public func enableNotify() -> Bool {
        kicksSuppressed = false
        if features.eventIdx {
            memory.store16(at: layout.availEvent, lastAvailIdx)
        } else {
            memory.store16(at: layout.usedFlags, 0)
        }
        fence(.mb, at: .deviceEnableNotifyAfterEventWrite)
        return memory.load16(at: layout.availIdx) == lastAvailIdx
    }
}
