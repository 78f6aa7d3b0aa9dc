/// Publishing buffers and deciding whether the device needs a kick.
extension VringDriver {
    /// Publishes every buffer added since the last call and says whether the device wants a
    /// notification.
    ///
    /// Order, with the barrier each step needs:
    /// 1. wmb (`kickPublish`): descriptors and avail entries before avail->idx, or the device
    ///    could read a stale descriptor for a published index;
    /// 2. store avail->idx;
    /// 3. mb (`kickBeforeEventCheck`): the avail->idx store before the load of used->flags or
    ///    avail_event; a store then a load needs a full barrier, or both sides can miss each
    ///    other's update and the device sleeps forever (the a72caae21803 fix);
    /// 4. load used->flags (NO_NOTIFY) or, with event index, avail_event.
    public func kickPrepare() -> Bool {
        guard !isBroken else { return false }
        let old = publishedAvailIdx
        let new = availIdxShadow
        fence(.wmb, at: .kickPublish)
        memory.store16(at: layout.availIdx, new)
        publishedAvailIdx = new
        fence(.mb, at: .kickBeforeEventCheck)
        if features.eventIdx {
            let event = memory.load16(at: layout.availEvent)
            return vringNeedEvent(eventIdx: event, newIdx: new, oldIdx: old)
        }
        return memory.load16(at: layout.usedFlags) & VringFlags.usedNoNotify == 0
    }

    /// Rings the device's doorbell (no ring access, no barrier: the doorbell itself orders).
    public func notify() {
        guard !isBroken else { return }
        notifyDevice()
    }

    /// `kickPrepare()` then `notify()` when needed; returns whether it notified.
    @discardableResult
    public func kick() -> Bool {
        let needed = kickPrepare()
        if needed { notify() }
        return needed
    }

    /// Buffers added but not yet published by `kickPrepare()`.
    public var unpublishedBuffers: Int { Int(availIdxShadow &- publishedAvailIdx) }
}

/// Cheap polls for a caller's wait loop (like `virtqueue_poll`): one used->idx load, no
/// barrier, so a true answer must still be confirmed by `getBuffer()`.
extension VringDriver {
    /// used->idx minus the last index taken back: completions waiting for `getBuffer()`.
    public var usedPending: Int { Int(memory.load16(at: layout.usedIdx) &- lastUsedIdx) }

    public var hasUsedBuffers: Bool { memory.load16(at: layout.usedIdx) != lastUsedIdx }
}
