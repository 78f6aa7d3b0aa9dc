import Vring

/// A driver and a device over one ring in native memory, each recording its fences into its own
/// log, for single-threaded protocol tests. Each segment helper hands out distinct 16-byte
/// slices of the data area.
final class TestRing {
    let plan: GuestMemoryPlan
    let memory: NativeRingMemory
    let driverFences = RecordingFences()
    let deviceFences = RecordingFences()
    let driver: VringDriver<NativeRingMemory, RecordingFences>
    let device: VringDevice<NativeRingMemory, RecordingFences>
    var kicksDelivered = 0

    init(num: Int, eventIdx: Bool = false, indirect: Bool = false, weakBarriers: Bool = true,
         startIndex: UInt16 = 0) throws {
        let features = VringFeatures(eventIdx: eventIdx, indirect: indirect)
        plan = try GuestMemoryPlan(num: num, indirectEntries: indirect ? 4 : nil, dataBytes: 64 * 1024)
        memory = NativeRingMemory(byteCount: plan.totalBytes)
        driver = VringDriver(
            memory: memory, layout: plan.layout, fences: driverFences, weakBarriers: weakBarriers,
            features: features, indirectPool: plan.indirect, startIndex: startIndex)
        device = VringDevice(
            memory: memory, layout: plan.layout, fences: deviceFences, weakBarriers: weakBarriers,
            features: features, startIndex: startIndex, addressLimit: memory.byteCount)
        driver.notifyDevice = { [unowned self] in self.kicksDelivered += 1 }
        _ = driverFences.drain()
        _ = deviceFences.drain()
    }

    var layout: VringLayout { plan.layout }

    /// `count` segments of 16 bytes starting at data slice `first`.
    func segments(_ count: Int, from first: Int) -> [BufferSegment] {
        (0..<count).map { BufferSegment(offset: plan.dataBase + 16 * (first + $0), length: 16) }
    }

    /// Adds a buffer of `out` readable and `in` writable segments, at data slices from `first`.
    func add(out: Int, in inCount: Int, token: UInt64, first: Int = 0) throws {
        try driver.add(
            out: segments(out, from: first), in: segments(inCount, from: first + out), token: token)
    }

    /// Pops one chain and returns it used with `length`.
    @discardableResult
    func serveOne(length: UInt32 = 0) throws -> DeviceChain? {
        guard let chain = try device.popAvailable() else { return nil }
        device.pushUsed(head: chain.head, length: length)
        return chain
    }
}
