/// One segment of a popped chain, as the device sees it.
public struct DeviceSegment: Hashable, Sendable {
    public var addr: UInt64
    public var len: UInt32
    /// Device-writable (an "in" segment of the driver).
    public var writable: Bool

    public init(addr: UInt64, len: UInt32, writable: Bool) {
        self.addr = addr
        self.len = len
        self.writable = writable
    }
}

/// A buffer the device popped: the head id to return in the used ring, and its segments in
/// order (readable first). Reused across pops so the hot path does not allocate.
public struct DeviceChain: Hashable, Sendable {
    public internal(set) var head: UInt16 = 0
    public internal(set) var segments: [DeviceSegment] = []
    /// Sum of the writable segments' lengths: the most the device may report as written.
    public internal(set) var writableBytes: Int = 0

    public init() {}

    mutating func reset(head: UInt16) {
        self.head = head
        segments.removeAll(keepingCapacity: true)
        writableBytes = 0
    }

    /// Appends a segment after checking it lies inside guest memory and keeps readable
    /// segments before writable ones.
    mutating func append(_ segment: DeviceSegment, addressLimit: Int) throws(VringDeviceError) {
        let end = segment.addr.addingReportingOverflow(UInt64(segment.len))
        guard !end.overflow, end.partialValue <= UInt64(addressLimit) else {
            throw .segmentOutOfBounds(addr: segment.addr, len: segment.len)
        }
        if !segment.writable, segments.last?.writable == true { throw .readableAfterWritable }
        segments.append(segment)
        if segment.writable { writableBytes += Int(segment.len) }
    }
}
