/// Checking returned buffers and waiting for the device.
extension ExchangeDriverLoop {
    /// Checks token, length and every response word, then frees the slot.
    func verify(_ used: UsedBuffer) {
        let (sequence, slot) = ExchangeSlots.split(token: used.token)
        guard slot < slots.count, slotSequence[slot] == sequence, sequence >= 0 else {
            signals.fail("buffer \(sequence) (slot \(slot)) came back twice or was never issued")
            return
        }
        let request = ExchangePayload.request(sequence: sequence)
        let expected = ExchangePayload.responseLength(request: request, capacity: slots.responseCapacity)
        guard Int(used.length) == expected else {
            signals.fail("buffer \(sequence): device reported \(used.length) bytes, expected \(expected)")
            return
        }
        for word in 0..<expected / 8 {
            let seen = driver.memory.load64(at: slots.responseOffset(slot: slot, word: word))
            guard seen == ExchangePayload.responseWord(request: request, word: word) else {
                signals.fail("buffer \(sequence): response word \(word) is wrong")
                return
            }
        }
        slotSequence[slot] = -1
        freeSlots.append(slot)
        received += 1
    }

    /// Spins on used->idx, then re-enables callbacks and sleeps on the interrupt doorbell.
    /// Returns false when the run must end (stalled).
    func awaitUsed(lastProgress: UInt64) -> Bool {
        let polled = HarnessClock.spin(forAtMost: config.spinNanoseconds) {
            driver.hasUsedBuffers || signals.stopped
        }
        if polled { return true }
        let delayed = config.pattern == .streaming
        let idle = delayed ? driver.enableCallbacksDelayed() : driver.enableCallbacks()
        defer { driver.disableCallbacks() }
        guard idle else { return true }
        stats.sleeps += 1
        if signals.driverDoorbell.wait(timeoutNanoseconds: config.wakeTimeoutNanoseconds) { return true }
        // Delayed callbacks only ask for an interrupt after most of the buffers are used;
        // once every one of them is, the interrupt is overdue whatever the threshold was.
        let pending = driver.usedPending
        if pending > 0 && (!delayed || pending >= driver.buffersInFlight) {
            stats.timeoutsWithWorkPending += 1
        }
        if HarnessClock.monotonicNanoseconds() - lastProgress > config.stallNanoseconds {
            signals.fail("driver stalled: \(sent) sent, \(received) received, \(pending) used pending")
            return false
        }
        return true
    }
}

/// Counters one harness thread keeps.
struct ExchangeLoopStats {
    /// Kicks (driver) or interrupts (device) sent.
    var notifications = 0
    var sleeps = 0
    var timeoutsWithWorkPending = 0
    var cpuNanoseconds: UInt64 = 0
}
