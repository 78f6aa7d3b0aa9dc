import Vring

typealias OracleDriver = VringDriver<OracleRingMemory, OracleRingFences>
typealias OracleDevice = VringDevice<OracleRingMemory, OracleRingFences>

/// How the ring is built for one check: the peer, the queue's weakBarriers flag, and what the
/// barrier helpers expand to.
public struct RingConfiguration: Hashable, Sendable {
    public var peer: Peer
    public var weakBarriers: Bool
    public var fences: FenceConfiguration

    public init(peer: Peer, weakBarriers: Bool, fences: FenceConfiguration = .correct) {
        self.peer = peer
        self.weakBarriers = weakBarriers
        self.fences = fences
    }
}

/// One bounded test of the real Swift ring: a sequential setup both sides run together, then
/// a concurrent part where the driver and the device each run a few ring operations, and a
/// property every allowed execution must keep.
public struct RingScenario {
    public let name: String
    public let summary: String
    let features: VringFeatures
    /// Where both free-running indices start; near 65,535 to cross the 16-bit wrap.
    var startIndex: UInt16 = 0
    let setup: (RingPair) -> Void
    let driverSteps: (OracleDriver, ThreadContext) -> Void
    let deviceSteps: (OracleDevice, ThreadContext) -> Void
    /// A description of what went wrong, or nil when the outcome is fine.
    let violation: (RingOutcome) -> String?

    /// Small on purpose: every load of the concurrent part multiplies the executions.
    static let queueSize = 4

    /// Ring at 0 (used ring aligned to 16 to keep the image small), indirect tables of two
    /// entries, then a data area.
    static let plan: GuestMemoryPlan = {
        do {
            return try GuestMemoryPlan(num: queueSize, align: 16, indirectEntries: 2, dataBytes: 0x200)
        } catch {
            preconditionFailure("the oracle's fixed ring geometry is valid: \(error)")
        }
    }()

    /// The two-thread program the explorer runs for this scenario.
    func program(_ configuration: RingConfiguration) -> ConcurrentProgram {
        let image = RingPair(self, configuration).memory.image
        let driver = ThreadProgram(name: "driver", peer: configuration.peer, storesDependOnEarlierLoads: true) {
            context in
            let pair = RingPair(self, configuration)
            pair.record(into: context)
            driverSteps(pair.driver, context)
        }
        let device = ThreadProgram(name: "device", peer: configuration.peer, storesDependOnEarlierLoads: true) {
            context in
            let pair = RingPair(self, configuration)
            pair.record(into: context)
            deviceSteps(pair.device, context)
        }
        let plan = Self.plan
        return ConcurrentProgram(
            threads: [driver, device],
            initialValue: { location in
                let width = OracleRingMemory.width(of: location)
                let value = OracleRingMemory.read(width, at: OracleRingMemory.offset(of: location), in: image)
                return Int(Int64(bitPattern: value))
            },
            locationName: { plan.describe(OracleRingMemory.offset(of: $0)) })
    }
}

/// Driver and device over one memory, after the scenario's sequential setup.
final class RingPair {
    let memory: OracleRingMemory
    let fences: OracleRingFences
    let driver: OracleDriver
    let device: OracleDevice

    init(_ scenario: RingScenario, _ configuration: RingConfiguration) {
        let plan = RingScenario.plan
        memory = OracleRingMemory(plan: plan)
        fences = OracleRingFences(
            fences: configuration.fences, peer: configuration.peer, weakBarriers: configuration.weakBarriers)
        driver = VringDriver(
            memory: memory, layout: plan.layout, fences: fences, weakBarriers: configuration.weakBarriers,
            features: scenario.features, indirectPool: plan.indirect, startIndex: scenario.startIndex)
        device = VringDevice(
            memory: memory, layout: plan.layout, fences: fences, weakBarriers: configuration.weakBarriers,
            features: scenario.features, startIndex: scenario.startIndex, addressLimit: plan.totalBytes)
        scenario.setup(self)
    }

    /// Ends the setup: from now on accesses and fences are events of `context`'s thread.
    func record(into context: ThreadContext) {
        memory.record(into: context)
        fences.record(into: context)
    }
}

/// What both threads reported in one execution.
struct RingOutcome {
    let driver: ThreadTrace
    let device: ThreadTrace

    func driver(_ key: String) -> Int { driver.observations[key] ?? 0 }
    func device(_ key: String) -> Int { device.observations[key] ?? 0 }
}

/// A buffer a scenario adds: one device-writable segment in the data area, a token, and the
/// length the device reports when it returns it. All values differ between buffers, so a stale
/// read shows up as a mismatch.
struct ScenarioBuffer {
    let index: Int

    var addr: UInt64 { UInt64(RingScenario.plan.dataBase + 0x40 * index) }
    var len: UInt32 { UInt32(0x10 + index) }
    var token: UInt64 { UInt64(100 + index) }
    var usedLength: UInt32 { UInt32(0x20 + index) }

    var segment: BufferSegment { BufferSegment(addr: addr, len: len) }

    func add(to driver: OracleDriver) throws(VringDriverError) {
        try driver.add(out: [], in: [segment], token: token)
    }
}
