/// A conflict-free collection of edits over many files.
///
/// Identical edits collapse (the same header reached from several translation units yields the
/// same edit twice); anything else that overlaps throws `EditConflict` naming both edits. Nothing
/// is ever dropped silently.
public struct EditSet: Sendable {
    private var editsByPath: [String: [SourceEdit]] = [:]

    public init() {}

    public init(_ edits: [SourceEdit]) throws {
        for edit in edits { try add(edit) }
    }

    public var isEmpty: Bool { editsByPath.values.allSatisfy(\.isEmpty) }
    public var paths: [String] { editsByPath.keys.filter { !(editsByPath[$0]?.isEmpty ?? true) }.sorted() }
    public var count: Int { editsByPath.values.reduce(0) { $0 + $1.count } }

    /// Adds `edit`; returns false when an identical edit was already present.
    @discardableResult
    public mutating func add(_ edit: SourceEdit) throws -> Bool {
        var list = editsByPath[edit.path, default: []]
        for existing in list {
            if existing == edit { return false }
            if existing.range.overlaps(edit.range) || existing.range == edit.range {
                throw EditConflict(existing: existing, incoming: edit)
            }
        }
        list.append(edit)
        editsByPath[edit.path] = list
        return true
    }

    /// The edits of one file, in file order.
    public func edits(for path: String) -> [SourceEdit] {
        (editsByPath[path] ?? []).sorted { $0.range < $1.range }
    }

    /// The file's new bytes: edits are applied back to front so earlier offsets stay valid.
    public func apply(to bytes: [UInt8], path: String) -> [UInt8] {
        var result = bytes
        for edit in edits(for: path).reversed() {
            result.replaceSubrange(edit.range.start..<edit.range.end, with: edit.replacement)
        }
        return result
    }
}
