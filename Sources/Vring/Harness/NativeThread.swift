#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CFence

/// A joinable OS thread for the real-thread harness. The harness needs exactly two long-lived
/// threads that spin and block on their own; a thread pool (Dispatch, Swift concurrency) could
/// run both on one worker or add its own scheduling noise to the measurements.
final class NativeThread {
    private let handle: pthread_t

    private init(handle: pthread_t) { self.handle = handle }

    /// Starts `body` on a new thread.
    static func spawn(_ body: @escaping @Sendable () -> Void) -> NativeThread {
        let context = Unmanaged.passRetained(ThreadBody(body)).toOpaque()
        var handle = pthread_t()
        let status = pthread_create(&handle, nil, { raw in
            guard let raw else { return nil }
            Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }, context)
        precondition(status == 0, "pthread_create failed: \(status)")
        return NativeThread(handle: handle)
    }

    /// Waits for the thread to finish.
    func join() {
        pthread_join(handle, nil)
    }
}

private final class ThreadBody {
    let body: @Sendable () -> Void
    init(_ body: @escaping @Sendable () -> Void) { self.body = body }
}

/// Clocks the harness and the benchmark read.
enum HarnessClock {
    /// CPU time of the calling thread.
    static func threadCPUNanoseconds() -> UInt64 { cfence_thread_cpu_ns() }

    static func monotonicNanoseconds() -> UInt64 { cfence_monotonic_ns() }

    /// Polls `done` with a pause between polls until it holds (true) or `nanoseconds` pass
    /// (false). The clock is read every 64 polls only, so polling stays cheap.
    @inline(__always)
    static func spin(forAtMost nanoseconds: UInt64, until done: () -> Bool) -> Bool {
        let deadline = monotonicNanoseconds() &+ nanoseconds
        var polls = 0
        while !done() {
            cfence_cpu_relax()
            polls &+= 1
            if polls & 63 == 0, monotonicNanoseconds() >= deadline { return false }
        }
        return true
    }
}
