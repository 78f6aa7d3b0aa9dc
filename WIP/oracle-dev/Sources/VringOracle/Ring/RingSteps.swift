import Vring

/// Ring operations that scenarios share, each recording what it saw as observations.
enum RingSteps {
    /// Pops until the device sees nothing new (at most `limit` times), recording each chain as
    /// `pop.N.head`, `pop.N.addr`, `pop.N.len` and the total as `pop.count`.
    static func popAll(_ device: OracleDevice, _ context: ThreadContext, limit: Int) {
        while context.observations["pop.count", default: 0] < limit, let _ = pop(device, context) {}
    }

    /// Pops one chain and records it under the next `pop.N`; nil when nothing is available or
    /// the device refused the chain (noted, and `device.broken` set).
    @discardableResult
    static func pop(_ device: OracleDevice, _ context: ThreadContext) -> DeviceChain? {
        let count = context.observations["pop.count", default: 0]
        context.observe("pop.count", count)
        let chain: DeviceChain?
        do {
            chain = try device.popAvailable()
        } catch {
            context.note("device refused a chain: \(error)")
            context.observe("device.broken", 1)
            return nil
        }
        guard let chain else { return nil }
        context.observe("pop.\(count).head", Int(chain.head))
        context.observe("pop.\(count).addr", Int(chain.segments.first?.addr ?? 0))
        context.observe("pop.\(count).len", Int(chain.segments.first?.len ?? 0))
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
                used = try driver.getBuffer()
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
            try buffer.add(to: driver)
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

    /// The common failure texts of a chain or used element against what was published.
    static func chainMismatch(_ outcome: RingOutcome, pop: Int, expectedHead: Int, buffer: ScenarioBuffer) -> String? {
        let head = outcome.device("pop.\(pop).head")
        let addr = outcome.device("pop.\(pop).addr")
        let len = outcome.device("pop.\(pop).len")
        guard head != expectedHead || addr != Int(buffer.addr) || len != Int(buffer.len) else { return nil }
        return "the device read a stale avail entry or descriptor: pop \(pop) got head \(head) addr 0x"
            + String(addr, radix: 16) + " len 0x" + String(len, radix: 16) + ", but the driver published head "
            + "\(expectedHead) addr 0x" + String(buffer.addr, radix: 16) + " len 0x" + String(buffer.len, radix: 16)
    }
}
