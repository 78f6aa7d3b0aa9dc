/// Why a driver operation refused. Full-queue errors are transient (get buffers back and
/// retry); the device errors mark the queue broken, as `BAD_RING` does in Linux.
public enum VringDriverError: Error, Equatable, Sendable {
    /// Not enough free descriptors right now.
    case queueFull(needed: Int, free: Int)
    /// `add` got no segments at all.
    case noSegments
    /// More segments than the ring can ever hold in one chain (and no indirect table fits).
    case chainTooLong(segments: Int, limit: Int)
    /// The device returned an id of `num` or more.
    case usedIDOutOfRange(id: UInt32, num: Int)
    /// The device returned an id that is not the head of a buffer in flight (the C code's
    /// "id %u is not a head!").
    case usedIDNotAHead(id: UInt32)
    /// used->idx claims more completions than there are buffers in flight.
    case usedIndexAhead(used: UInt16, lastSeen: UInt16, inFlight: Int)
    /// The queue was marked broken by an earlier device error.
    case broken
}
