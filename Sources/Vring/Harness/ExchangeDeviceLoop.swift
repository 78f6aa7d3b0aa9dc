/// The device thread of a real-thread exchange: pop chains, answer each request into its
/// writable segments, return them, interrupt the driver when it asks, sleep on the kick
/// doorbell when the ring is empty.
///
/// `@unchecked Sendable` for the same reason as `ExchangeDriverLoop`: built on the launching
/// thread, then used only by the device thread.
final class ExchangeDeviceLoop<Fences: FenceBackend>: @unchecked Sendable {
    let device: VringDevice<NativeRingMemory, Fences>
    let config: RingExchangeConfig
    let signals: ExchangeSignals
    private var chain = DeviceChain()
    private(set) var stats = ExchangeLoopStats()

    init(device: VringDevice<NativeRingMemory, Fences>, config: RingExchangeConfig, signals: ExchangeSignals) {
        self.device = device
        self.config = config
        self.signals = signals
    }

    private var memory: NativeRingMemory { device.memory }

    func run() {
        let cpuStart = HarnessClock.threadCPUNanoseconds()
        device.disableNotify()  // polling from the start: kicks are only wanted once asleep
        while !signals.stopped {
            guard let served = serveAvailable() else { break }
            if served == 0 { awaitAvailable() }
        }
        stats.cpuNanoseconds = HarnessClock.threadCPUNanoseconds() - cpuStart
    }

    /// Serves up to one publish batch; nil after a failure.
    private func serveAvailable() -> Int? {
        var served = 0
        while served < config.devicePublishBatch {
            do {
                guard try device.pop(into: &chain) else { break }
            } catch {
                signals.fail("device pop: \(error)")
                return nil
            }
            guard let length = respond() else { return nil }
            device.addUsed(head: chain.head, length: UInt32(length))
            served += 1
        }
        guard served > 0 else { return 0 }
        device.publishUsed()
        if device.needsNotify() {
            stats.notifications += 1
            signals.driverDoorbell.ring()
        }
        return served
    }

    /// Reads the request word and writes the response over the writable segments in order.
    /// Returns the bytes written, or nil (after recording a failure) for a malformed chain.
    private func respond() -> Int? {
        guard let first = chain.segments.first, first.len >= 8, first.addr % 8 == 0,
              chain.segments.allSatisfy({ !$0.writable || ($0.addr % 8 == 0 && $0.len % 8 == 0) })
        else {
            signals.fail("device: chain \(chain.head) has a malformed request or response segment")
            return nil
        }
        let request = memory.load64(at: Int(first.addr))
        let length = ExchangePayload.responseLength(request: request, capacity: chain.writableBytes)
        var word = 0
        for segment in chain.segments where segment.writable {
            var offset = Int(segment.addr)
            let end = offset + Int(segment.len)
            while offset < end, word * 8 < length {
                memory.store64(at: offset, ExchangePayload.responseWord(request: request, word: word))
                offset += 8
                word += 1
            }
        }
        return length
    }

    /// Spins on avail->idx, then re-enables kicks and sleeps on the kick doorbell.
    private func awaitAvailable() {
        let polled = HarnessClock.spin(forAtMost: config.spinNanoseconds) {
            device.availablePeek() > 0 || signals.stopped
        }
        if polled { return }
        let idle = device.enableNotify()
        defer { device.disableNotify() }
        guard idle else { return }
        stats.sleeps += 1
        if signals.deviceDoorbell.wait(timeoutNanoseconds: config.wakeTimeoutNanoseconds) { return }
        if device.availablePeek() > 0 && !signals.stopped { stats.timeoutsWithWorkPending += 1 }
    }
}
