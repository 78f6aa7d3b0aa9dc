/// Interrupt suppression: the driver tells the device whether it wants a used-buffer
/// notification, through avail->flags or, with event index, avail->used_event.
extension VringDriver {
    /// Asks the device not to interrupt. Best effort, as in Linux: with event index the old
    /// used_event stays, so at most one more interrupt can arrive.
    public func disableCallbacks() {
        guard availFlagsShadow & VringFlags.availNoInterrupt == 0 else { return }
        availFlagsShadow |= VringFlags.availNoInterrupt
        if !features.eventIdx { memory.store16(at: layout.availFlags, availFlagsShadow) }
    }

    /// Re-enables interrupts for the next used buffer. Returns false when used buffers are
    /// already pending (the caller must poll instead of sleeping: the interrupt for them may
    /// have been suppressed).
    ///
    /// mb (`enableCbAfterEventWrite`): the flags/used_event store must be visible before
    /// used->idx is re-read, mirroring the device's mb before it checks them.
    public func enableCallbacks() -> Bool {
        clearNoInterrupt()
        memory.store16(at: layout.usedEvent, lastUsedIdx)
        fence(.mb, at: .enableCbAfterEventWrite)
        return memory.load16(at: layout.usedIdx) == lastUsedIdx
    }

    /// Like `enableCallbacks()` but, with event index, asks for the interrupt only after about
    /// three quarters of the outstanding buffers are used. Returns false when more than that
    /// many are already used.
    public func enableCallbacksDelayed() -> Bool {
        clearNoInterrupt()
        let outstanding = availIdxShadow &- lastUsedIdx
        let threshold = UInt16(truncatingIfNeeded: Int(outstanding) * 3 / 4)
        memory.store16(at: layout.usedEvent, lastUsedIdx &+ threshold)
        fence(.mb, at: .enableCbDelayedAfterEventWrite)
        return memory.load16(at: layout.usedIdx) &- lastUsedIdx <= threshold
    }

    /// True while callbacks are disabled.
    public var callbacksDisabled: Bool { availFlagsShadow & VringFlags.availNoInterrupt != 0 }

    private func clearNoInterrupt() {
        guard availFlagsShadow & VringFlags.availNoInterrupt != 0 else { return }
        availFlagsShadow &= ~VringFlags.availNoInterrupt
        if !features.eventIdx { memory.store16(at: layout.availFlags, availFlagsShadow) }
    }
}
