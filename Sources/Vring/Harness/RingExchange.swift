/// Runs one real-thread exchange: builds the guest memory, the driver and the device on the
/// calling thread, starts a device thread and a driver thread, and waits for both.
///
/// Blocks for the whole run. Uses `NativeRingMemory`, so accesses are real relaxed atomics and
/// the only ordering is what `fences` gives.
public func runRingExchange<Fences: FenceBackend & Sendable>(
    _ config: RingExchangeConfig, fences: Fences
) throws(RingExchangeError) -> RingExchangeReport {
    try config.validate()
    let plan = try memoryPlan(for: config)
    let memory = NativeRingMemory(byteCount: plan.totalBytes)
    let slots = ExchangeSlots(base: plan.dataBase, config: config, count: config.ringSize)
    let signals = ExchangeSignals()
    let driver = VringDriver(
        memory: memory, layout: plan.layout, fences: fences, weakBarriers: config.weakBarriers,
        features: config.features, indirectPool: plan.indirect, startIndex: config.startIndex)
    let device = VringDevice(
        memory: memory, layout: plan.layout, fences: fences, weakBarriers: config.weakBarriers,
        features: config.features, startIndex: config.startIndex, addressLimit: memory.byteCount)
    let driverLoop = ExchangeDriverLoop(driver: driver, slots: slots, config: config, signals: signals)
    let deviceLoop = ExchangeDeviceLoop(device: device, config: config, signals: signals)

    let start = HarnessClock.monotonicNanoseconds()
    let deviceThread = NativeThread.spawn { deviceLoop.run() }
    let driverThread = NativeThread.spawn { driverLoop.run() }
    driverThread.join()
    deviceThread.join()
    return RingExchangeReport(
        config: config, buffersSent: driverLoop.sent, buffersCompleted: driverLoop.received,
        wallNanoseconds: HarnessClock.monotonicNanoseconds() - start,
        driverCPUNanoseconds: driverLoop.stats.cpuNanoseconds,
        deviceCPUNanoseconds: deviceLoop.stats.cpuNanoseconds,
        kicks: driverLoop.stats.notifications, interrupts: deviceLoop.stats.notifications,
        driverSleeps: driverLoop.stats.sleeps, deviceSleeps: deviceLoop.stats.sleeps,
        timeoutsWithWorkPending: driverLoop.stats.timeoutsWithWorkPending
            + deviceLoop.stats.timeoutsWithWorkPending,
        failures: signals.failures)
}

/// The same with real fences (`NativeFences`).
public func runRingExchange(_ config: RingExchangeConfig) throws(RingExchangeError) -> RingExchangeReport {
    try runRingExchange(config, fences: NativeFences())
}

private func memoryPlan(for config: RingExchangeConfig) throws(RingExchangeError) -> GuestMemoryPlan {
    let slotsProbe = ExchangeSlots(base: 0, config: config, count: config.ringSize)
    do {
        return try GuestMemoryPlan(
            num: config.ringSize,
            indirectEntries: config.features.indirect ? config.segmentsPerBuffer : nil,
            dataBytes: slotsProbe.totalBytes)
    } catch {
        throw .invalidConfig("ring: \(error)")
    }
}
