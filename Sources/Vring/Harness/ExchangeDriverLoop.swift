/// The driver thread of a real-thread exchange: issue buffers, kick, harvest and verify them,
/// sleep on the interrupt doorbell when there is nothing to do.
///
/// `@unchecked Sendable` because it is built on the launching thread and then used only by the
/// driver thread; `pthread_create` orders the hand-over.
final class ExchangeDriverLoop<Fences: FenceBackend>: @unchecked Sendable {
    let driver: VringDriver<NativeRingMemory, Fences>
    let slots: ExchangeSlots
    let config: RingExchangeConfig
    let signals: ExchangeSignals
    private let outLists: [[BufferSegment]]
    private let inLists: [[BufferSegment]]
    var freeSlots: [Int]
    /// The sequence number each slot carries, -1 when free.
    var slotSequence: [Int]
    var sent = 0
    var received = 0
    private var sendDeadline: UInt64 = .max
    var stats = ExchangeLoopStats()

    init(driver: VringDriver<NativeRingMemory, Fences>, slots: ExchangeSlots,
         config: RingExchangeConfig, signals: ExchangeSignals) {
        self.driver = driver
        self.slots = slots
        self.config = config
        self.signals = signals
        outLists = (0..<slots.count).map { slots.outList(slot: $0) }
        inLists = (0..<slots.count).map { slots.inList(slot: $0) }
        freeSlots = Array((0..<slots.count).reversed())
        slotSequence = Array(repeating: -1, count: slots.count)
    }

    private var memory: NativeRingMemory { driver.memory }

    func run() {
        let cpuStart = HarnessClock.threadCPUNanoseconds()
        if let duration = config.durationNanoseconds {
            sendDeadline = HarnessClock.monotonicNanoseconds() &+ duration
        }
        driver.disableCallbacks()
        var lastProgress = HarnessClock.monotonicNanoseconds()
        while !signals.stopped {
            let progress = issue() + harvest()
            if received == sent && !maySend { break }
            if progress > 0 {
                lastProgress = HarnessClock.monotonicNanoseconds()
            } else if !awaitUsed(lastProgress: lastProgress) {
                break
            }
        }
        stats.cpuNanoseconds = HarnessClock.threadCPUNanoseconds() - cpuStart
        signals.stop()
    }

    private var maySend: Bool {
        sent < config.buffers && (sendDeadline == .max || HarnessClock.monotonicNanoseconds() < sendDeadline)
    }

    /// Adds buffers while the window and the ring allow, then publishes and kicks if asked.
    private func issue() -> Int {
        var added = 0
        if maySend {
            while sent - received < config.window, let slot = freeSlots.last {
                let request = ExchangePayload.request(sequence: sent)
                memory.store64(at: slots.requestOffset(slot: slot), request)
                do {
                    try driver.add(out: outLists[slot], in: inLists[slot],
                                   token: ExchangeSlots.token(sequence: sent, slot: slot))
                } catch VringDriverError.queueFull {
                    break
                } catch {
                    signals.fail("driver add: \(error)")
                    return added
                }
                freeSlots.removeLast()
                slotSequence[slot] = sent
                sent += 1
                added += 1
                if sent == config.buffers { break }
            }
        }
        if driver.unpublishedBuffers > 0, driver.kickPrepare() {
            stats.notifications += 1
            signals.deviceDoorbell.ring()
        }
        return added
    }

    /// Takes back and checks every used buffer.
    private func harvest() -> Int {
        var count = 0
        while true {
            let used: UsedBuffer?
            do {
                used = try driver.getBuffer()
            } catch {
                signals.fail("driver getBuffer: \(error)")
                return count
            }
            guard let used else { return count }
            verify(used)
            count += 1
        }
    }
}
