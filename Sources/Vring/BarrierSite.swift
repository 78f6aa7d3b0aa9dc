/// Every barrier of the split-ring protocol, named once.
///
/// The Swift vring calls `fence(_:at:)` with one of these at each protocol point; the oracle names
/// the missing or too weak fence of a counterexample by it; the lint's `barrier-strength` rule maps
/// C functions to these sites to learn which accesses a barrier separates when the function itself
/// does not show both sides.

/// Which side of the ring runs the barrier.
public enum RingSide: String, Sendable, Codable { case driver, device }

/// A class of ring access, as the lint and the oracle talk about them.
public enum RingAccess: String, Sendable, Codable {
    case storeRingEntries = "store descriptors and avail entry"
    case storeAvailIdx = "store avail->idx"
    case loadAvailIdx = "load avail->idx"
    case loadAvailEntries = "load avail entry and descriptors"
    case loadNotifySuppression = "load used->flags or avail event"
    case storeUsedElem = "store used element"
    case storeUsedIdx = "store used->idx"
    case loadUsedIdx = "load used->idx"
    case loadUsedElem = "load used element"
    case storeUsedEvent = "store used event or avail->flags"
    case loadInterruptSuppression = "load avail->flags or used event"
    case storeAvailEvent = "store avail event or used->flags"

    public var isStore: Bool { rawValue.hasPrefix("store") }
}

public enum BarrierSite: String, CaseIterable, Sendable, Codable {
    // Driver side.
    case kickPublish = "kick.publish"
    case kickBeforeEventCheck = "kick.beforeEventCheck"
    case getBufAfterUsedIdx = "getBuf.afterUsedIdx"
    case getBufAfterEventWrite = "getBuf.afterEventWrite"
    case enableCbAfterEventWrite = "enableCb.afterEventWrite"
    case enableCbDelayedAfterEventWrite = "enableCbDelayed.afterEventWrite"
    // Device side.
    case devicePopAfterAvailIdx = "device.pop.afterAvailIdx"
    case devicePushPublish = "device.push.publish"
    case deviceNotifyBeforeEventCheck = "device.notify.beforeEventCheck"
    case deviceEnableNotifyAfterEventWrite = "device.enableNotify.afterEventWrite"

    public var side: RingSide {
        switch self {
        case .devicePopAfterAvailIdx, .devicePushPublish, .deviceNotifyBeforeEventCheck,
            .deviceEnableNotifyAfterEventWrite:
            return .device
        default:
            return .driver
        }
    }

    /// The accesses the barrier separates: everything of `before` must be ordered before `after`.
    public var separates: (before: RingAccess, after: RingAccess) {
        switch self {
        case .kickPublish: return (.storeRingEntries, .storeAvailIdx)
        case .kickBeforeEventCheck: return (.storeAvailIdx, .loadNotifySuppression)
        case .getBufAfterUsedIdx: return (.loadUsedIdx, .loadUsedElem)
        case .getBufAfterEventWrite: return (.storeUsedEvent, .loadUsedIdx)
        case .enableCbAfterEventWrite: return (.storeUsedEvent, .loadUsedIdx)
        case .enableCbDelayedAfterEventWrite: return (.storeUsedEvent, .loadUsedIdx)
        case .devicePopAfterAvailIdx: return (.loadAvailIdx, .loadAvailEntries)
        case .devicePushPublish: return (.storeUsedElem, .storeUsedIdx)
        case .deviceNotifyBeforeEventCheck: return (.storeUsedIdx, .loadInterruptSuppression)
        case .deviceEnableNotifyAfterEventWrite: return (.storeAvailEvent, .loadAvailIdx)
        }
    }

    /// The fence the pair needs: store→store wants wmb, load→load rmb, anything with a store
    /// before a load a full barrier.
    public var requiredKind: FenceKind {
        Self.requiredKind(before: separates.before, after: separates.after)
    }

    public static func requiredKind(before: RingAccess, after: RingAccess) -> FenceKind {
        switch (before.isStore, after.isStore) {
        case (true, true): return .wmb
        case (false, false): return .rmb
        default: return .mb
        }
    }
}
