@testable import VringMigrateCore

/// One fixed set of findings every reporter renders into its golden file: different rules and
/// severities, a multibyte path and column, a message with `%`, `:`, `,` and a newline, a finding
/// spanning lines, and fixes (one in a single file, one across two files).
enum ReporterFixtures {
    static let tool = ToolInfo(name: "vringmigrate", version: "0.1.0")
    static let sourceRoot = "/src/linux 6.1"

    static let rules: [RuleMetadata] = [
        RuleMetadata(id: "vring-new-virtqueue-args", summary: "vring_new_virtqueue() call or declaration without weak_barriers",
                     rationale: "Since v3.3 vring_new_virtqueue() takes bool weak_barriers right after vdev.", defaultSeverity: .error),
        RuleMetadata(id: "virtio-barrier-kind", summary: "Barrier helper expands to the wrong kind of fence",
                     rationale: "A *_wmb helper must expand to write (or full) fences, *_rmb to read (or full) fences.", defaultSeverity: .warning),
        RuleMetadata(id: "weak-barriers-evidence", summary: "Why a call site passes its weak_barriers value",
                     rationale: "Reviewers check the transport rule that decided the value.", defaultSeverity: .note),
        RuleMetadata(id: "virtio-kick-full-barrier", summary: "Store then load without a full barrier",
                     rationale: "Publishing avail->idx and then reading the avail event needs a full barrier, or a kick is lost.", defaultSeverity: .error),
        RuleMetadata(id: "vring-unknown-transport", summary: "No transport rule matches the call site",
                     rationale: "The tool never guesses weak_barriers; add a rule.", defaultSeverity: .warning),
    ]

    private static func position(_ line: Int, _ column: Int, _ codePoints: Int? = nil) -> SourcePosition {
        SourcePosition(line: line, column: column, codePointColumn: codePoints ?? column)
    }

    static let callSite = Finding(
        ruleID: "vring-new-virtqueue-args", severity: .error, path: "drivers/virtio/virtio_pci.c",
        range: ByteRange(start: 9_345, end: 9_391), start: position(412, 9), end: position(412, 55),
        message: "vring_new_virtqueue() needs weak_barriers after vdev (v3.3)",
        notes: ["transport virtio_pci (built-in rule 1): path drivers/virtio/virtio_pci.c matches \"drivers/virtio/virtio_pci*.c\""],
        fix: [SourceEdit(path: "drivers/virtio/virtio_pci.c", range: .at(9_380), replacement: "true, ")],
        fingerprint: "3f2a9c0d1e4b5a67")

    static let barrierKind = Finding(
        ruleID: "virtio-barrier-kind", severity: .warning, path: "drivers/virtio/virtio_ring.c",
        range: ByteRange(start: 1_020, end: 1_034), start: position(40, 2), end: position(40, 16),
        message: "virtio_wmb(vq) expands to rmb(): a read fence, 100% wrong for stores\nstore, then store: needs wmb",
        fingerprint: "b7e10c2d99aa0f31")

    static let multibyte = Finding(
        ruleID: "weak-barriers-evidence", severity: .note, path: "drivers/misc/mic/vöp/vop_main.c",
        range: ByteRange(start: 200, end: 205), start: position(7, 20, 17), end: position(7, 25, 22),
        message: "passes false: the peer is a device (MIC card over PCIe)",
        fingerprint: "0c1d2e3f40516273")

    static let kick = Finding(
        ruleID: "virtio-kick-full-barrier", severity: .error, path: "drivers/virtio/virtio_ring.c",
        range: ByteRange(start: 9_000, end: 9_080), start: position(300, 2), end: position(302, 20),
        message: "store then load needs a full barrier",
        notes: ["avail->idx is written, then the avail event is read", "fixed upstream by a72caae21803 <virtio_mb>"],
        fingerprint: "9d8c7b6a5f4e3d2c")

    static let prototype = Finding(
        ruleID: "vring-new-virtqueue-args", severity: .error, path: "include/linux/virtio_ring.h",
        range: ByteRange(start: 1_200, end: 1_260), start: position(58, 1), end: position(58, 61),
        message: "vring_new_virtqueue() prototype lacks bool weak_barriers",
        fix: [
            SourceEdit(path: "tools/virtio/linux/virtio.h", range: .at(2_100), replacement: "bool weak_barriers,\n\t\t\t\t      "),
            SourceEdit(path: "include/linux/virtio_ring.h", range: .at(1_240), replacement: "bool weak_barriers,\n\t\t\t\t      "),
        ],
        fingerprint: "77aa66bb55cc44dd")

    /// Deliberately not in report order, so every reporter must sort.
    static let findings = [kick, multibyte, callSite, prototype, barrierKind]
}
