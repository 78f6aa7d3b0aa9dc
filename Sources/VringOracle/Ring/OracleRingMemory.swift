import Vring

/// Guest memory for the Swift ring under the oracle.
///
/// During a scenario's sequential setup it is plain memory (a byte image). Once `record(into:)`
/// binds a thread context, every load and store becomes an event of that thread, and each load
/// returns the value the explorer chose.
///
/// A location is one naturally aligned field: `offset * 16 + width`. Mixed-size concurrent
/// accesses to one field are not modelled (the ring never makes them; the LKMM does not either).
final class OracleRingMemory: RingMemory {
    private(set) var image: [UInt8]
    private var context: ThreadContext?
    let plan: GuestMemoryPlan

    init(plan: GuestMemoryPlan) {
        self.plan = plan
        image = Array(repeating: 0, count: plan.totalBytes)
    }

    /// From now on, loads and stores are events of `context`'s thread.
    func record(into context: ThreadContext) { self.context = context }

    func load(_ width: AccessWidth, at offset: Int) -> UInt64 {
        guard let context else { return Self.read(width, at: offset, in: image) }
        let location = Self.location(offset: offset, width: width)
        let value = context.load(location).value
        return UInt64(bitPattern: Int64(value)) & width.mask
    }

    func store(_ width: AccessWidth, at offset: Int, _ value: UInt64) {
        let masked = value & width.mask
        guard let context else {
            for byte in 0..<width.bytes { image[offset + byte] = UInt8(truncatingIfNeeded: masked >> UInt64(8 * byte)) }
            return
        }
        context.store(
            Self.location(offset: offset, width: width), value: Int(Int64(bitPattern: masked)))
    }

    static func location(offset: Int, width: AccessWidth) -> Int { offset * 16 + width.bytes }

    static func offset(of location: Int) -> Int { location / 16 }

    static func width(of location: Int) -> AccessWidth { AccessWidth(rawValue: location % 16) ?? .u8 }

    /// Little-endian read of `width` bytes at `offset`; zero outside the image.
    static func read(_ width: AccessWidth, at offset: Int, in image: [UInt8]) -> UInt64 {
        guard offset >= 0, offset + width.bytes <= image.count else { return 0 }
        var value: UInt64 = 0
        for byte in (0..<width.bytes).reversed() { value = value << 8 | UInt64(image[offset + byte]) }
        return value
    }
}

/// The ring's fence backend under the oracle: turns each `fence(kind, at: site)` of the Swift
/// ring into an `ExecutedFence` whose primitives are what the configuration says that helper
/// really expands to.
///
/// Driver sites take the C helper's expansion from `FenceConfiguration` (the arm chosen by the
/// queue's weakBarriers). Device sites model a correct other side: the SMP primitive for an
/// SMP-CPU peer, the mandatory one for a device. A per-site override changes the helper kind
/// called at that site on either side.
final class OracleRingFences: FenceBackend {
    let fences: FenceConfiguration
    let peer: Peer
    let weakBarriers: Bool
    private var context: ThreadContext?

    init(fences: FenceConfiguration, peer: Peer, weakBarriers: Bool) {
        self.fences = fences
        self.peer = peer
        self.weakBarriers = weakBarriers
    }

    func record(into context: ThreadContext) { self.context = context }

    func fence(_ primitive: FencePrimitive, at site: BarrierSite) {
        guard let context else { return }
        let helper = fences.siteKinds[site] ?? primitive.kind ?? site.requiredKind
        let expansion: [FencePrimitive]
        if site.side == .driver {
            expansion = fences.expansion(of: helper, weakBarriers: weakBarriers)
        } else {
            expansion = [peer == .device ? .mandatory(helper) : .smp(helper)]
        }
        context.fence(ExecutedFence(primitives: expansion, site: site, requestedKind: helper))
    }
}
