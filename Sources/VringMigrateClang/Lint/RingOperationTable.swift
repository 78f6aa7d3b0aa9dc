import Foundation
import Vring

/// Which protocol operation a C function performs, for `barrier-strength`: the ring side it runs
/// on, and the protocol barrier (a `Vring.BarrierSite`) that a fence at its very start or very end
/// stands for. When a function shows only one side of a barrier, that site's `separates` supplies
/// the other: `virtqueue_kick_prepare` runs after `virtqueue_add_buf` stored `avail->idx`, so a
/// barrier opening it is `kick.beforeEventCheck`, between that store and the avail-event load.
///
/// Users extend it with `--operations FILE` (the same JSON as `builtIn`); their entries win.
///
/// ```json
/// { "operations": [ { "operation": "kick-prepare", "functions": ["my_kick_prepare"], "side": "driver",
///                     "entry": "kick.beforeEventCheck", "why": "my_add stores avail->idx before this runs" } ] }
/// ```
public struct RingOperationTable: Sendable {
    public struct Operation: Codable, Hashable, Sendable {
        public var operation: String
        public var functions: [String]
        public var side: RingSide
        /// The protocol barrier a fence that is the function's first ring access stands for.
        public var entry: BarrierSite?
        /// The protocol barrier a fence that is the function's last ring access stands for.
        public var exit: BarrierSite?
        public var why: String
    }

    public var operations: [Operation]

    public init(operations: [Operation]) {
        self.operations = operations
    }

    /// The operation `function` performs; the first entry that lists it wins.
    public func operation(for function: String) -> Operation? {
        operations.first { $0.functions.contains(function) }
    }

    /// `extra` ahead of this table, so a user's entry overrides a built-in one for the same function.
    public func extended(with extra: RingOperationTable) -> RingOperationTable {
        RingOperationTable(operations: extra.operations + operations)
    }

    private struct Document: Codable {
        var operations: [Operation]
    }

    /// Reads a table file; the error names the file and what is wrong.
    public static func load(path: String) throws -> RingOperationTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LintInputError(message: "\(path): cannot read the operations table")
        }
        do {
            return RingOperationTable(operations: try JSONDecoder().decode(Document.self, from: data).operations)
        } catch {
            throw LintInputError(message: "\(path): not an operations table (keys: operation, functions, side driver|device, entry, exit, why; entry and exit name a barrier site such as kick.beforeEventCheck): \(error)")
        }
    }

    /// The split-ring operations of Linux v3.2 to 6.1 (driver: virtio_ring.c; device: vringh.c,
    /// tools/virtio and mlxbf-tmfifo, which plays the device).
    public static let builtIn = RingOperationTable(operations: [
        Operation(operation: "add", functions: ["virtqueue_add_buf", "virtqueue_add_buf_gfp", "virtqueue_add", "virtqueue_add_split"],
            side: .driver, entry: nil, exit: nil,
            why: "stores descriptors and avail entries (and from v3.4 avail->idx, behind its own write barrier)"),
        Operation(operation: "kick", functions: ["virtqueue_kick"], side: .driver, entry: .kickPublish, exit: nil,
            why: "up to v3.3 the kick published avail->idx itself, after virtqueue_add_buf stored the descriptors and avail entries"),
        Operation(operation: "kick-prepare", functions: ["virtqueue_kick_prepare", "virtqueue_kick_prepare_split"],
            side: .driver, entry: .kickBeforeEventCheck, exit: nil,
            why: "virtqueue_add_buf stored avail->idx before virtqueue_kick_prepare runs"),
        Operation(operation: "get-buf", functions: ["virtqueue_get_buf", "virtqueue_get_buf_ctx", "virtqueue_get_buf_ctx_split"],
            side: .driver, entry: nil, exit: .getBufAfterEventWrite,
            why: "the next virtqueue_get_buf reads used->idx after this one stored the used event"),
        Operation(operation: "enable-cb", functions: ["virtqueue_enable_cb", "virtqueue_enable_cb_prepare", "virtqueue_enable_cb_prepare_split"],
            side: .driver, entry: nil, exit: .enableCbAfterEventWrite,
            why: "the caller re-reads used->idx (virtqueue_poll) after the used event is stored"),
        Operation(operation: "enable-cb-delayed", functions: ["virtqueue_enable_cb_delayed", "virtqueue_enable_cb_delayed_split"],
            side: .driver, entry: nil, exit: .enableCbDelayedAfterEventWrite,
            why: "used->idx is re-read after the delayed used event is stored"),
        Operation(operation: "poll", functions: ["virtqueue_poll"], side: .driver, entry: .enableCbAfterEventWrite, exit: nil,
            why: "virtqueue_enable_cb_prepare stored the used event before virtqueue_poll runs"),
        Operation(operation: "device-pop", functions: ["__vringh_get_head", "vringh_get_head", "mlxbf_tmfifo_get_next_desc"],
            side: .device, entry: nil, exit: nil, why: "the device reads avail->idx, then the avail entry and descriptors"),
        Operation(operation: "device-push", functions: ["__vringh_complete", "mlxbf_tmfifo_release_desc"],
            side: .device, entry: nil, exit: nil, why: "the device writes used elements, then used->idx"),
        Operation(operation: "device-notify", functions: ["__vringh_need_notify"], side: .device,
            entry: .deviceNotifyBeforeEventCheck, exit: nil, why: "__vringh_complete stored used->idx before the notify check runs"),
        Operation(operation: "device-enable-notify", functions: ["__vringh_notify_enable"], side: .device,
            entry: nil, exit: nil, why: "the device stores its event or flags, then re-reads avail->idx"),
    ])
}
