/// How a real-thread exchange runs: one driver thread and one device thread pass buffers over
/// one shared ring in native memory.
public struct RingExchangeConfig: Hashable, Sendable {
    /// How the driver issues buffers.
    public enum Pattern: String, CaseIterable, Sendable {
        /// One buffer in flight: add, kick, wait for it, repeat (latency).
        case requestResponse = "request-response"
        /// Keep the ring full: add until full, kick once, harvest (throughput).
        case streaming
    }

    public var ringSize = 256
    public var features = VringFeatures()
    public var weakBarriers = true
    public var pattern = Pattern.streaming
    /// Buffers to pass; the run ends early when `durationNanoseconds` is set and runs out.
    public var buffers = 100_000
    /// Stop issuing new buffers after this long (in-flight ones are still collected).
    public var durationNanoseconds: UInt64?
    /// Device-readable segments per buffer (the request); 0 puts the request into the first
    /// writable segment.
    public var outSegments = 1
    /// Device-writable segments per buffer (the response); at least 1.
    public var inSegments = 1
    /// Bytes per segment, a multiple of 8.
    public var segmentBytes = 16
    /// Initial value of all free-running indices; near 65,535 reaches the wrap quickly.
    public var startIndex: UInt16 = 0
    /// How long a thread polls the other side's index before it re-enables notifications and
    /// sleeps. Bounded in time, not in polls: on a busy 2-core machine the peer may be
    /// descheduled, and polling for it only delays it further.
    public var spinNanoseconds: UInt64 = 50_000
    /// Used elements the device writes before it publishes used->idx (1 = every buffer).
    public var devicePublishBatch = 16
    /// A sleeper re-checks after this long even without a doorbell.
    public var wakeTimeoutNanoseconds: UInt64 = 1_000_000_000
    /// The driver gives up after this long without progress.
    public var stallNanoseconds: UInt64 = 20_000_000_000

    public init() {}

    /// Buffers the driver keeps in flight at most.
    var window: Int { pattern == .requestResponse ? 1 : ringSize }

    var segmentsPerBuffer: Int { outSegments + inSegments }

    func validate() throws(RingExchangeError) {
        guard inSegments >= 1, outSegments >= 0 else {
            throw .invalidConfig("a buffer needs at least one writable segment")
        }
        guard segmentBytes >= 8, segmentBytes % 8 == 0 else {
            throw .invalidConfig("segmentBytes must be a positive multiple of 8")
        }
        let fitsIndirect = features.indirect && segmentsPerBuffer > 1
        guard fitsIndirect || segmentsPerBuffer <= ringSize else {
            throw .invalidConfig(
                "\(segmentsPerBuffer) direct descriptors per buffer do not fit a ring of \(ringSize)")
        }
        guard devicePublishBatch >= 1, buffers >= 0 else {
            throw .invalidConfig("devicePublishBatch and buffers must be positive")
        }
    }
}

public enum RingExchangeError: Error, Equatable, Sendable {
    case invalidConfig(String)
}

/// What an exchange did. A run succeeded when `failures` is empty and every buffer issued came
/// back exactly once with the right length and contents.
public struct RingExchangeReport: Sendable {
    public let config: RingExchangeConfig
    /// Buffers issued by the driver.
    public let buffersSent: Int
    /// Buffers that came back verified.
    public let buffersCompleted: Int
    public let wallNanoseconds: UInt64
    public let driverCPUNanoseconds: UInt64
    public let deviceCPUNanoseconds: UInt64
    public let kicks: Int
    public let interrupts: Int
    public let driverSleeps: Int
    public let deviceSleeps: Int
    /// Sleeps that timed out although the other side had published work the sleeper had asked
    /// to be told about: a lost (or extremely late) notification.
    public let timeoutsWithWorkPending: Int
    public let failures: [String]

    public var succeeded: Bool { failures.isEmpty && buffersCompleted == buffersSent }

    public var cpuNanoseconds: UInt64 { driverCPUNanoseconds + deviceCPUNanoseconds }
}
