import Vring

/// Ring operations that scenarios share, each recording what it saw as observations.
enum RingSteps {
    /// Pops until the device sees nothing new (at most `limit` times), recording each chain as
    /// `pop.N.head`, `pop.N.segments`, `pop.N.seg.K.addr`, `pop.N.seg.K.len` and the total as
    /// `pop.count`.
    static func popAll(_ device: OracleDevice, _ context: ThreadContext, limit: Int) {
        while context.observations["pop.count", default: 0] < limit, pop(device, context) != nil {}
    }

    /// Pops one chain and records it under the next `pop.N`; nil when nothing is available or
    /// the device refused the chain (noted, and `device.broken` set).
    @discardableResult
    static func pop(_ device: OracleDevice, _ context: ThreadContext) -> DeviceChain? {
        let count = context.observations["pop.count", default: 0]
        context.observe("pop.count", count)
        let chain: DeviceChain?
        do {
            chain = try context.performing("pop") { () throws(VringDeviceError) in try device.popAvailable() }
        } catch {
            context.note("device refused a chain: \(error)")
            context.observe("device.broken", 1)
            return nil
        }
        guard let chain else { return nil }
        context.observe("pop.\(count).head", Int(chain.head))
        context.observe("pop.\(count).segments", chain.segments.count)
        for (index, segment) in chain.segments.enumerated() {
            context.observe("pop.\(count).seg.\(index).addr", Int(segment.addr))
            context.observe("pop.\(count).seg.\(index).len", Int(segment.len))
        }
        context.observe("pop.count", count + 1)
        return chain
    }

    /// Takes used buffers back until none is left (at most `limit`), recording `get.N.token`,
    /// `get.N.length` and `get.count`.
    static func getAll(_ driver: OracleDriver, _ context: ThreadContext, limit: Int) {
        var count = 0
        defer { context.observe("get.count", count) }
        while count < limit {
            let used: UsedBuffer?
            do {
                used = try context.performing("getBuffer") { () throws(VringDriverError) in try driver.getBuffer() }
            } catch {
                context.note("driver refused a used element: \(error)")
                context.observe("driver.broken", 1)
                return
            }
            guard let used else { return }
            context.observe("get.\(count).token", Int(used.token))
            context.observe("get.\(count).length", Int(used.length))
            count += 1
        }
    }

    /// Publishes with `kickPrepare`, recording `kicked`.
    static func kick(_ driver: OracleDriver, _ context: ThreadContext) {
        context.observe("kicked", context.performing("kickPrepare") { driver.kickPrepare() } ? 1 : 0)
    }

    static func pushUsed(_ device: OracleDevice, _ context: ThreadContext, head: UInt16, length: UInt32) {
        context.performing("pushUsed") { device.pushUsed(head: head, length: length) }
    }

    /// Asks whether the driver wants an interrupt, recording `interrupted`.
    static func checkInterrupt(_ device: OracleDevice, _ context: ThreadContext) {
        context.observe("interrupted", context.performing("needsNotify") { device.needsNotify() } ? 1 : 0)
    }

    /// Adds buffers during a setup, where failure is a bug in the scenario itself.
    static func setupAdd(_ buffers: [ScenarioBuffer], to driver: OracleDriver) {
        for buffer in buffers {
            do {
                try buffer.add(to: driver)
            } catch {
                preconditionFailure("scenario setup could not add buffer \(buffer.index): \(error)")
            }
        }
    }

    /// Adds a buffer in the concurrent part, noting a failure instead of stopping.
    static func add(_ buffer: ScenarioBuffer, to driver: OracleDriver, _ context: ThreadContext) {
        do {
            try context.performing("add") { () throws(VringDriverError) in try buffer.add(to: driver) }
        } catch {
            context.note("driver could not add buffer \(buffer.index): \(error)")
            context.observe("driver.broken", 1)
        }
    }

    /// Pops during a setup, where the device must see every published chain.
    static func setupPop(_ device: OracleDevice, count: Int) {
        for _ in 0..<count {
            guard (try? device.popAvailable()) != nil else {
                preconditionFailure("scenario setup: the device did not see a published chain")
            }
        }
    }

    /// What is wrong with pop `pop` if it is not `segments` at head `expectedHead`, the chain
    /// the driver published there.
    static func chainMismatch(
        _ outcome: RingOutcome, pop: Int, expectedHead: Int, segments: [BufferSegment]
    ) -> String? {
        let count = outcome.device("pop.\(pop).segments")
        let seen = (0..<count).map {
            BufferSegment(
                addr: UInt64(outcome.device("pop.\(pop).seg.\($0).addr")),
                len: UInt32(outcome.device("pop.\(pop).seg.\($0).len")))
        }
        let head = outcome.device("pop.\(pop).head")
        guard head != expectedHead || seen != segments else { return nil }
        return "the device read a stale avail entry or descriptor: pop \(pop) got head \(head) "
            + describe(seen) + ", but the driver published head \(expectedHead) " + describe(segments)
    }

    static func chainMismatch(_ outcome: RingOutcome, pop: Int, expectedHead: Int, buffer: ScenarioBuffer) -> String? {
        chainMismatch(outcome, pop: pop, expectedHead: expectedHead, segments: [buffer.segment])
    }

    /// "[addr 0x80 len 0x10]" for each segment.
    static func describe(_ segments: [BufferSegment]) -> String {
        segments.map { "[addr 0x" + String($0.addr, radix: 16) + " len 0x" + String($0.len, radix: 16) + "]" }
            .joined(separator: " ")
    }
}
