/// Where each buffer's segments live in the data area and what the device writes into them.
///
/// The driver owns one slot per possible in-flight buffer. It writes a request word (derived
/// from the buffer's sequence number) into the slot's first segment; the device reads it and
/// fills the writable segments with a response whose length and words both depend on the
/// request, so the driver can check that the device saw the right request and that every
/// returned byte is what the device wrote.
struct ExchangeSlots {
    let base: Int
    let segmentBytes: Int
    let outSegments: Int
    let inSegments: Int
    let count: Int

    init(base: Int, config: RingExchangeConfig, count: Int) {
        self.base = base
        segmentBytes = config.segmentBytes
        outSegments = config.outSegments
        inSegments = config.inSegments
        self.count = count
    }

    var slotBytes: Int { GuestMemoryPlan.roundUp((outSegments + inSegments) * segmentBytes, to: 64) }
    var totalBytes: Int { count * slotBytes }
    /// Bytes the device may write per buffer.
    var responseCapacity: Int { inSegments * segmentBytes }

    func segmentOffset(slot: Int, segment: Int) -> Int { base + slot * slotBytes + segment * segmentBytes }

    /// The request word sits at the start of the first segment, readable or not.
    func requestOffset(slot: Int) -> Int { segmentOffset(slot: slot, segment: 0) }

    /// Where response word `word` lands: writable segments are filled in order.
    func responseOffset(slot: Int, word: Int) -> Int {
        let wordsPerSegment = segmentBytes / 8
        let segment = outSegments + word / wordsPerSegment
        return segmentOffset(slot: slot, segment: segment) + (word % wordsPerSegment) * 8
    }

    func outList(slot: Int) -> [BufferSegment] {
        (0..<outSegments).map { BufferSegment(offset: segmentOffset(slot: slot, segment: $0), length: segmentBytes) }
    }

    func inList(slot: Int) -> [BufferSegment] {
        (outSegments..<outSegments + inSegments).map {
            BufferSegment(offset: segmentOffset(slot: slot, segment: $0), length: segmentBytes)
        }
    }

    static func token(sequence: Int, slot: Int) -> UInt64 { UInt64(sequence) << 16 | UInt64(slot) }

    static func split(token: UInt64) -> (sequence: Int, slot: Int) {
        (Int(truncatingIfNeeded: token >> 16), Int(token & 0xffff))
    }
}

/// The request/response functions both threads agree on.
enum ExchangePayload {
    /// A request word that differs from any stale word a previous buffer left in the slot.
    static func request(sequence: Int) -> UInt64 { mix(UInt64(sequence) &+ 0x5EED) }

    /// Response length in bytes: 1 to capacity/8 words, varying from buffer to buffer.
    static func responseLength(request: UInt64, capacity: Int) -> Int {
        let words = capacity / 8
        return (1 + Int(request % UInt64(words))) * 8
    }

    static func responseWord(request: UInt64, word: Int) -> UInt64 {
        mix(request ^ (UInt64(word) &+ 1) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// The splitmix64 finaliser: cheap, and every input bit affects every output bit.
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
