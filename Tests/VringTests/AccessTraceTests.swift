import XCTest
import Vring

/// One log of memory accesses and fences, as the oracle will see them, built from wrapping
/// backends. Checks that each barrier really sits between the accesses its BarrierSite says it
/// separates.
final class AccessTraceTests: XCTestCase {
    enum Entry: CustomStringConvertible {
        case access(store: Bool, name: String, operation: Int)
        case fence(FenceEvent, operation: Int)

        var description: String {
            switch self {
            case let .access(store, name, _): return (store ? "store " : "load ") + name
            case let .fence(event, _): return event.description
            }
        }
    }

    final class TraceLog {
        var entries: [Entry] = []
        var operation = 0
        let plan: GuestMemoryPlan
        init(plan: GuestMemoryPlan) { self.plan = plan }
    }

    final class TracingMemory: RingMemory {
        let inner: NativeRingMemory
        let log: TraceLog
        init(_ inner: NativeRingMemory, _ log: TraceLog) { self.inner = inner; self.log = log }

        func load(_ width: AccessWidth, at offset: Int) -> UInt64 {
            log.entries.append(.access(store: false, name: log.plan.describe(offset), operation: log.operation))
            return inner.load(width, at: offset)
        }

        func store(_ width: AccessWidth, at offset: Int, _ value: UInt64) {
            log.entries.append(.access(store: true, name: log.plan.describe(offset), operation: log.operation))
            inner.store(width, at: offset, value)
        }
    }

    struct TracingFences: FenceBackend {
        let log: TraceLog
        func fence(_ primitive: FencePrimitive, at site: BarrierSite) {
            log.entries.append(.fence(FenceEvent(primitive, at: site), operation: log.operation))
        }
    }

    /// Which RingAccess class an access belongs to, from its name alone.
    static func classify(store: Bool, name: String) -> RingAccess? {
        let table: [(Bool, String, RingAccess)] = [
            (true, "desc[", .storeRingEntries), (true, "indirect[", .storeRingEntries),
            (true, "avail.ring[", .storeRingEntries), (true, "avail.idx", .storeAvailIdx),
            (false, "avail.idx", .loadAvailIdx), (false, "avail.ring[", .loadAvailEntries),
            (false, "desc[", .loadAvailEntries), (false, "indirect[", .loadAvailEntries),
            (false, "used.flags", .loadNotifySuppression), (false, "used.avail_event", .loadNotifySuppression),
            (true, "used.ring[", .storeUsedElem), (true, "used.idx", .storeUsedIdx),
            (false, "used.idx", .loadUsedIdx), (false, "used.ring[", .loadUsedElem),
            (true, "avail.used_event", .storeUsedEvent), (true, "avail.flags", .storeUsedEvent),
            (false, "avail.flags", .loadInterruptSuppression),
            (false, "avail.used_event", .loadInterruptSuppression),
            (true, "used.avail_event", .storeAvailEvent), (true, "used.flags", .storeAvailEvent),
        ]
        return table.first { $0.0 == store && name.hasPrefix($0.1) }?.2
    }

    /// A scripted session touching every operation, traced into one log.
    private func tracedSession(eventIdx: Bool) throws -> TraceLog {
        let plan = try GuestMemoryPlan(num: 4, indirectEntries: 4, dataBytes: 1024)
        let log = TraceLog(plan: plan)
        let memory = TracingMemory(NativeRingMemory(byteCount: plan.totalBytes), log)
        let features = VringFeatures(eventIdx: eventIdx, indirect: true)
        let driver = VringDriver(memory: memory, layout: plan.layout, fences: TracingFences(log: log),
                                 weakBarriers: true, features: features, indirectPool: plan.indirect)
        let device = VringDevice(memory: memory, layout: plan.layout, fences: TracingFences(log: log),
                                 weakBarriers: true, features: features, addressLimit: plan.totalBytes)
        let segment = [BufferSegment(offset: plan.dataBase, length: 16)]
        let steps: [() throws -> Void] = [
            { try driver.add(out: segment, in: segment, token: 1) },
            { try driver.add(out: [], in: segment, token: 2) },
            { _ = driver.kickPrepare() },
            { _ = try device.popAvailable() }, { _ = try device.popAvailable() },
            { device.pushUsed(head: 0, length: 8) }, { _ = device.needsNotify() },
            { _ = try driver.getBuffer() }, { driver.disableCallbacks() }, { _ = driver.enableCallbacks() },
            { _ = driver.enableCallbacksDelayed() }, { device.disableNotify() }, { _ = device.enableNotify() },
        ]
        log.entries.removeAll()
        for (index, step) in steps.enumerated() {
            log.operation = index
            try step()
        }
        return log
    }

    func testEveryFenceSeparatesTheAccessesItsSiteNames() throws {
        for eventIdx in [false, true] {
            let entries = try tracedSession(eventIdx: eventIdx).entries
            var checked = Set<BarrierSite>()
            for (position, entry) in entries.enumerated() {
                guard case let .fence(event, operation) = entry else { continue }
                let site = event.site
                let before = entries[..<position].reversed().lazy.compactMap(Self.classified).first
                XCTAssertEqual(before?.access, site.separates.before, "\(site) event idx \(eventIdx)")
                let after = entries[(position + 1)...].lazy.compactMap(Self.classified).first
                if let after, after.operation == operation {
                    XCTAssertEqual(after.access, site.separates.after, "\(site) event idx \(eventIdx)")
                }
                checked.insert(site)
            }
            XCTAssertEqual(checked, Set(BarrierSite.allCases))
        }
    }

    func testKickPrepareTraceReadsInProtocolOrder() throws {
        let log = try tracedSession(eventIdx: true)
        let kick = log.entries.filter {
            if case let .access(_, _, op) = $0 { return op == 2 }
            if case let .fence(_, op) = $0 { return op == 2 }
            return false
        }.map(\.description)
        XCTAssertEqual(kick, ["smp_wmb@kick.publish", "store avail.idx",
                              "smp_mb@kick.beforeEventCheck", "load used.avail_event"])
    }

    private static func classified(_ entry: Entry) -> (access: RingAccess, operation: Int)? {
        guard case let .access(store, name, operation) = entry,
              let access = classify(store: store, name: name) else { return nil }
        return (access, operation)
    }
}
