/// What one parse confirmed, keyed by file (absolute real path) and byte offset of the spelling.
struct ASTFacts: Sendable {
    struct Call: Hashable, Sendable {
        var name: String
        var offset: Int
    }

    struct Declaration: Hashable, Sendable {
        var name: String
        var offset: Int
        var isDefinition: Bool
        var parameterNames: [String]
    }

    struct MacroExtent: Hashable, Sendable {
        var name: String
        var start: Int
        var end: Int
    }

    struct QueueVariable: Hashable, Sendable {
        var name: String
        var offset: Int
    }

    struct FunctionExtent: Hashable, Sendable {
        var name: String
        var start: Int
        var end: Int
    }

    struct PerFile: Sendable {
        var calls: [Int: Call] = [:]
        var references: Set<Int> = []
        var declarations: [Int: Declaration] = [:]
        var macroDefinitions: Set<Int> = []
        /// Macro expansions in this file: offset → macro name.
        var macroExpansions: [Int: String] = [:]
        /// Macro expansions with their extents, to explain tokens inside a macro's arguments.
        var expansionExtents: [MacroExtent] = []
        var functions: [FunctionExtent] = []
        var skipped: [ByteRangeValue] = []
        /// Declarations of `struct vring_virtqueue *` variables and parameters.
        var queueVariables: [QueueVariable] = []

        /// The queue variable a use at `offset` can pass: the nearest one declared before it in
        /// the same function.
        func queueVariable(before offset: Int) -> String? {
            guard let function = functions.first(where: { $0.start <= offset && offset < $0.end }) else { return nil }
            return queueVariables.filter { $0.offset >= function.start && $0.offset < offset }.max { $0.offset < $1.offset }?.name
        }

        func function(containing offset: Int) -> String? {
            functions.first { $0.start <= offset && offset < $0.end }?.name
        }

        func isSkipped(_ offset: Int) -> Bool {
            skipped.contains { $0.start <= offset && offset < $0.end }
        }

        mutating func merge(_ other: PerFile) {
            calls.merge(other.calls) { old, _ in old }
            references.formUnion(other.references)
            declarations.merge(other.declarations) { old, _ in old }
            macroDefinitions.formUnion(other.macroDefinitions)
            macroExpansions.merge(other.macroExpansions) { old, _ in old }
            for extent in other.expansionExtents where !expansionExtents.contains(extent) { expansionExtents.append(extent) }
            for extent in other.functions where !functions.contains(extent) { functions.append(extent) }
            for range in other.skipped where !skipped.contains(range) { skipped.append(range) }
            for variable in other.queueVariables where !queueVariables.contains(variable) { queueVariables.append(variable) }
        }
    }

    var files: [String: PerFile] = [:]

    mutating func merge(_ other: ASTFacts) {
        for (path, facts) in other.files { files[path, default: PerFile()].merge(facts) }
    }
}

/// A half-open byte range that is cheap to store in the facts.
struct ByteRangeValue: Hashable, Sendable {
    var start: Int
    var end: Int
}
