import Vring

/// Scenarios about buffers travelling through the rings: publish, used and reuse.
extension RingScenario {
    /// Driver adds buffers and publishes them with one kick; the device pops what it sees.
    static func publish(buffers count: Int = 3) -> RingScenario {
        let buffers = (0..<count).map(ScenarioBuffer.init)
        return RingScenario(
            name: "publish",
            summary: "driver adds \(count) buffers and publishes avail->idx; the device pops what it sees",
            features: VringFeatures(), setup: { _ in },
            driverSteps: { driver, context in
                for buffer in buffers { RingSteps.add(buffer, to: driver, context) }
                RingSteps.kick(driver, context)
            },
            deviceSteps: { device, context in RingSteps.popAll(device, context, limit: buffers.count + 1) },
            violation: { outcome in
                if let note = outcome.device.notes.first ?? outcome.driver.notes.first { return note }
                let pops = outcome.device("pop.count")
                if pops > buffers.count {
                    return "the device popped \(pops) chains but only \(buffers.count) were published"
                }
                return (0..<pops).lazy.compactMap {
                    RingSteps.chainMismatch(outcome, pop: $0, expectedHead: $0, buffer: buffers[$0])
                }.first
            })
    }

    /// Driver adds one two-segment buffer, which goes through an indirect table; the device
    /// must read the table entries the driver wrote, not stale ones.
    static var publishIndirect: RingScenario {
        let data = UInt64(RingScenario.plan.dataBase)
        let segments = [BufferSegment(addr: data + 0x100, len: 0x08), BufferSegment(addr: data + 0x140, len: 0x30)]
        return RingScenario(
            name: "publish.indirect",
            summary: "driver adds a two-segment buffer through an indirect table; the device pops it",
            features: VringFeatures(indirect: true), setup: { _ in },
            driverSteps: { driver, context in
                do {
                    try context.performing("add") { () throws(VringDriverError) in
                        try driver.add(out: [segments[0]], in: [segments[1]], token: 7)
                    }
                } catch {
                    context.note("driver could not add the indirect buffer: \(error)")
                }
                RingSteps.kick(driver, context)
            },
            deviceSteps: { device, context in RingSteps.popAll(device, context, limit: 2) },
            violation: { outcome in
                if let note = outcome.device.notes.first ?? outcome.driver.notes.first { return note }
                let pops = outcome.device("pop.count")
                if pops > 1 { return "the device popped \(pops) chains but only one was published" }
                guard pops == 1 else { return nil }
                return RingSteps.chainMismatch(outcome, pop: 0, expectedHead: 0, segments: segments)
            })
    }

    /// The device returns popped buffers one by one; the driver takes back what it sees.
    static func used(buffers count: Int = 3) -> RingScenario {
        let buffers = (0..<count).map(ScenarioBuffer.init)
        return RingScenario(
            name: "used",
            summary: "device returns \(count) buffers through the used ring; the driver takes them back",
            features: VringFeatures(),
            setup: { pair in
                RingSteps.setupAdd(buffers, to: pair.driver)
                _ = pair.driver.kickPrepare()
                RingSteps.setupPop(pair.device, count: buffers.count)
            },
            driverSteps: { driver, context in RingSteps.getAll(driver, context, limit: buffers.count + 1) },
            deviceSteps: { device, context in
                for buffer in buffers {
                    RingSteps.pushUsed(device, context, head: UInt16(buffer.index), length: buffer.usedLength)
                }
            },
            violation: { outcome in
                if let note = outcome.driver.notes.first { return note }
                let gets = outcome.driver("get.count")
                if gets > buffers.count {
                    return "the driver took back \(gets) buffers but only \(buffers.count) were used"
                }
                return (0..<gets).lazy.compactMap { usedMismatch(outcome, get: $0, buffer: buffers[$0]) }.first
            })
    }

    /// The device consumes a buffer and returns it while the driver takes it back and reuses
    /// its descriptor for a new buffer.
    static var reuse: RingScenario {
        let first = ScenarioBuffer(index: 0)
        let second = ScenarioBuffer(index: 1)
        return RingScenario(
            name: "reuse",
            summary: "device pops and returns a buffer while the driver reclaims its descriptor for a new one",
            features: VringFeatures(),
            setup: { pair in
                RingSteps.setupAdd([first], to: pair.driver)
                _ = pair.driver.kickPrepare()
            },
            driverSteps: { driver, context in
                RingSteps.getAll(driver, context, limit: 1)
                RingSteps.add(second, to: driver, context)
                RingSteps.kick(driver, context)
            },
            deviceSteps: { device, context in
                guard let chain = RingSteps.pop(device, context) else { return }
                RingSteps.pushUsed(device, context, head: chain.head, length: first.usedLength)
                RingSteps.pop(device, context)
            },
            violation: { outcome in
                if let note = outcome.device.notes.first ?? outcome.driver.notes.first { return note }
                if outcome.driver("get.count") == 1, let problem = usedMismatch(outcome, get: 0, buffer: first) {
                    return problem
                }
                let reusedHead = outcome.driver("get.count") == 1 ? 0 : 1
                let expected = [(0, first), (reusedHead, second)]
                return (0..<outcome.device("pop.count")).lazy.compactMap {
                    RingSteps.chainMismatch(outcome, pop: $0, expectedHead: expected[$0].0, buffer: expected[$0].1)
                }.first
            })
    }

    static func usedMismatch(_ outcome: RingOutcome, get: Int, buffer: ScenarioBuffer) -> String? {
        let token = outcome.driver("get.\(get).token")
        let length = outcome.driver("get.\(get).length")
        guard token != Int(buffer.token) || length != Int(buffer.usedLength) else { return nil }
        return "the driver read a stale used element: get \(get) returned token \(token) length 0x"
            + String(length, radix: 16) + ", but the device returned token \(buffer.token) length 0x"
            + String(buffer.usedLength, radix: 16)
    }
}
