/// Who is on the other side of the ring, which decides the barriers it needs.
public enum PeerKind: String, CaseIterable, Hashable, Sendable {
    /// A CPU in the same SMP coherence domain (a hypervisor's host CPU): SMP barriers suffice.
    case smpCPU = "smp-cpu"
    /// Real hardware or a remote processor outside the coherence domain: mandatory barriers.
    case device = "device"

    /// The `weak_barriers` value this peer requires.
    public var weakBarriers: Bool { self == .smpCPU }
}

/// What a rule matches on; an empty list means the rule does not use that kind of criterion.
public struct TransportMatch: Hashable, Sendable {
    public var paths: [Glob]
    public var notify: [String]
    public var functions: [String]

    public init(paths: [Glob] = [], notify: [String] = [], functions: [String] = []) {
        self.paths = paths
        self.notify = notify
        self.functions = functions
    }
}

/// One row of the rules table.
public struct TransportRule: Hashable, Sendable {
    public var transport: String
    public var match: TransportMatch
    public var weakBarriers: Bool
    public var peer: PeerKind
    public var why: String
    /// 1-based position in the table and the line the rule starts on, for messages.
    public var index: Int
    public var line: Int

    public init(
        transport: String, match: TransportMatch, weakBarriers: Bool, peer: PeerKind, why: String,
        index: Int, line: Int
    ) {
        self.transport = transport
        self.match = match
        self.weakBarriers = weakBarriers
        self.peer = peer
        self.why = why
        self.index = index
        self.line = line
    }

    /// Why this rule matches the call site, one entry per criterion kind it lists; nil when some
    /// listed kind does not match.
    public func evidence(for facts: CallSiteFacts) -> [MatchEvidence]? {
        var evidence: [MatchEvidence] = []
        if !match.paths.isEmpty {
            guard let glob = match.paths.first(where: { $0.matches(facts.path) }) else { return nil }
            evidence.append(MatchEvidence(criterion: .path, value: facts.path, pattern: glob.pattern))
        }
        if !match.notify.isEmpty {
            guard let notify = facts.notify, match.notify.contains(notify) else { return nil }
            evidence.append(MatchEvidence(criterion: .notify, value: notify, pattern: notify))
        }
        if !match.functions.isEmpty {
            guard let function = facts.function, match.functions.contains(function) else { return nil }
            evidence.append(MatchEvidence(criterion: .function, value: function, pattern: function))
        }
        return evidence
    }
}

/// One criterion that matched, phrased for a reviewer:
/// `path drivers/virtio/virtio_pci.c matches "drivers/virtio/virtio_pci*.c"`.
public struct MatchEvidence: Hashable, Sendable, CustomStringConvertible {
    public enum Criterion: String, Hashable, Sendable {
        case path, notify, function
    }

    public var criterion: Criterion
    /// The call site's value (its path, notify callback or enclosing function).
    public var value: String
    /// The table entry it matched.
    public var pattern: String

    public init(criterion: Criterion, value: String, pattern: String) {
        self.criterion = criterion
        self.value = value
        self.pattern = pattern
    }

    public var description: String { "\(criterion.rawValue) \(value) matches \"\(pattern)\"" }
}
