import Dispatch
import Synchronization

/// A doorbell one thread rings and the other sleeps on: the harness's stand-in for a kick
/// (driver to device) and an interrupt (device to driver).
///
/// A counting semaphore, so a ring that arrives before the sleeper waits is not lost; extra
/// rings only cause spurious wake-ups, which the loops tolerate.
final class Doorbell: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)

    func ring() { semaphore.signal() }

    /// Sleeps until rung or until `timeoutNanoseconds` pass; true when rung.
    func wait(timeoutNanoseconds: UInt64) -> Bool {
        let timeout = DispatchTime.now() + .nanoseconds(Int(clamping: timeoutNanoseconds))
        return semaphore.wait(timeout: timeout) == .success
    }
}

/// What the two harness threads share besides ring memory: the doorbells, the stop flag and
/// the failure log. Everything in it is itself thread-safe.
final class ExchangeSignals: Sendable {
    let deviceDoorbell = Doorbell()
    let driverDoorbell = Doorbell()
    private let stopFlag = Atomic<Bool>(false)
    private let failureLog = Mutex<[String]>([])

    /// Failures kept in full; later ones are only counted.
    static let keptFailures = 20

    var stopped: Bool { stopFlag.load(ordering: .acquiring) }

    /// Ends the run: both loops return at their next check.
    func stop() {
        stopFlag.store(true, ordering: .releasing)
        deviceDoorbell.ring()
        driverDoorbell.ring()
    }

    /// Records a failure and ends the run.
    func fail(_ message: String) {
        failureLog.withLock { log in
            if log.count < Self.keptFailures { log.append(message) }
        }
        stop()
    }

    var failures: [String] { failureLog.withLock { $0 } }
}
