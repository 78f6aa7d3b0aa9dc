/// The ring features driver and device negotiated; both sides must be built with the same value.
public struct VringFeatures: Hashable, Sendable {
    /// VIRTIO_RING_F_EVENT_IDX: suppress notifications with used_event / avail_event instead of
    /// the flags fields.
    public var eventIdx: Bool
    /// VIRTIO_RING_F_INDIRECT_DESC: a descriptor may point to a table of descriptors.
    public var indirect: Bool

    public init(eventIdx: Bool = false, indirect: Bool = false) {
        self.eventIdx = eventIdx
        self.indirect = indirect
    }
}

/// One buffer segment as the driver hands it over: guest address and length.
public struct BufferSegment: Hashable, Sendable {
    public var addr: UInt64
    public var len: UInt32

    public init(addr: UInt64, len: UInt32) {
        self.addr = addr
        self.len = len
    }

    public init(offset: Int, length: Int) {
        self.init(addr: UInt64(offset), len: UInt32(length))
    }
}

/// A buffer the device has finished with, as the driver gets it back.
public struct UsedBuffer: Hashable, Sendable {
    /// The caller's token from `add`.
    public let token: UInt64
    /// Bytes the device says it wrote into the device-writable segments.
    public let length: UInt32

    public init(token: UInt64, length: UInt32) {
        self.token = token
        self.length = length
    }
}
