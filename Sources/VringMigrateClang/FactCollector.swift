import CClang

/// Walks one translation unit and records, per file of interest, the calls, declarations,
/// references, macro definitions and expansions of the watched names, the function extents and the
/// ranges the preprocessor skipped.
struct FactCollector {
    let parser: TranslationUnitParser
    private(set) var facts = ASTFacts()
    private var pathCache: [UnsafeMutableRawPointer: String?] = [:]

    init(parser: TranslationUnitParser) {
        self.parser = parser
    }

    mutating func collect(_ unit: CXTranslationUnit) {
        let root = clang_getTranslationUnitCursor(unit)
        var pending: [CXCursor] = []
        CursorVisitor.visitChildren(of: root) { cursor, _ in
            pending.append(cursor)
            return CXChildVisit_Continue
        }
        for cursor in pending {
            guard let (path, _) = location(of: cursor) else { continue }
            recordTopLevel(cursor, path: path)
        }
        collectSkippedRanges(unit)
    }

    private mutating func recordTopLevel(_ cursor: CXCursor, path: String) {
        switch cursor.kind {
        case CXCursor_MacroDefinition:
            if parser.watchedMacros.contains(cursor.spelling), let (_, offset) = location(of: cursor) {
                facts.files[path, default: .init()].macroDefinitions.insert(offset)
            }
        case CXCursor_MacroExpansion:
            if let (_, offset) = location(of: cursor) {
                let name = cursor.spelling
                facts.files[path, default: .init()].macroExpansions[offset] = name
                if let (_, end) = fileOffset(clang_getRangeEnd(clang_getCursorExtent(cursor))), end > offset + name.utf8.count {
                    facts.files[path, default: .init()].expansionExtents.append(.init(name: name, start: offset, end: end))
                }
            }
        default:
            record(cursor)
            var nested: [CXCursor] = []
            CursorVisitor.visitChildren(of: cursor) { child, _ in
                nested.append(child)
                return CXChildVisit_Recurse
            }
            for child in nested { record(child) }
        }
    }

    private mutating func record(_ cursor: CXCursor) {
        switch cursor.kind {
        case CXCursor_CallExpr:
            let name = cursor.referenced.isNull ? cursor.spelling : cursor.referenced.spelling
            guard parser.watchedFunctions.contains(name), let (path, offset) = location(of: cursor) else { return }
            facts.files[path, default: .init()].calls[offset] = .init(name: name, offset: offset)
        case CXCursor_DeclRefExpr:
            guard parser.watchedFunctions.contains(cursor.spelling), let (path, offset) = location(of: cursor) else { return }
            facts.files[path, default: .init()].references.insert(offset)
        case CXCursor_FunctionDecl:
            recordFunction(cursor)
        case CXCursor_VarDecl, CXCursor_ParmDecl:
            recordQueueVariable(cursor)
        default:
            break
        }
    }

    private mutating func recordFunction(_ cursor: CXCursor) {
        let name = cursor.spelling
        guard let (path, offset) = location(of: cursor) else { return }
        let isDefinition = clang_isCursorDefinition(cursor) != 0
        if isDefinition {
            let extent = clang_getCursorExtent(cursor)
            if let (_, start) = fileOffset(clang_getRangeStart(extent)), let (_, end) = fileOffset(clang_getRangeEnd(extent)) {
                facts.files[path, default: .init()].functions.append(.init(name: name, start: start, end: end))
            }
        }
        guard parser.watchedFunctions.contains(name) else { return }
        let count = max(0, Int(clang_Cursor_getNumArguments(cursor)))
        let parameters = (0..<count).map { clang_Cursor_getArgument(cursor, UInt32($0)).spelling }
        facts.files[path, default: .init()].declarations[offset] = .init(
            name: name, offset: offset, isDefinition: isDefinition, parameterNames: parameters)
    }

    /// A variable or parameter that points at the ring's private queue: what a barrier use must
    /// pass once the helpers take the queue.
    private mutating func recordQueueVariable(_ cursor: CXCursor) {
        let type = LibClang.take(clang_getTypeSpelling(clang_getCursorType(cursor)))
        guard type.hasPrefix("struct vring_virtqueue *"), let (path, offset) = location(of: cursor) else { return }
        facts.files[path, default: .init()].queueVariables.append(.init(name: cursor.spelling, offset: offset))
    }

    private mutating func collectSkippedRanges(_ unit: CXTranslationUnit) {
        guard let list = clang_getAllSkippedRanges(unit) else { return }
        defer { clang_disposeSourceRangeList(list) }
        for index in 0..<Int(list.pointee.count) {
            let range = list.pointee.ranges[index]
            guard let (path, start) = fileOffset(clang_getRangeStart(range)),
                let (_, end) = fileOffset(clang_getRangeEnd(range))
            else { continue }
            facts.files[path, default: .init()].skipped.append(.init(start: start, end: end))
        }
    }

    /// The file of interest and byte offset where a cursor is spelled; nil elsewhere.
    private mutating func location(of cursor: CXCursor) -> (String, Int)? {
        fileOffset(clang_getCursorLocation(cursor))
    }

    /// libclang's "spelling" location is the expansion point for macro bodies and the written
    /// argument for macro arguments: exactly the bytes a rewrite could touch.
    private mutating func fileOffset(_ location: CXSourceLocation) -> (String, Int)? {
        var file: CXFile?
        var offset: UInt32 = 0
        clang_getSpellingLocation(location, &file, nil, nil, &offset)
        guard let file, let path = realPath(of: file) else { return nil }
        return (path, Int(offset))
    }

    private mutating func realPath(of file: CXFile) -> String? {
        if let cached = pathCache[file] { return cached }
        let path = LibClang.path(of: file)
        let wanted: String? = parser.filesOfInterest.contains(path) ? path : nil
        pathCache[file] = wanted
        // Record that this parse reached the file, even where it found nothing in it.
        if let wanted, facts.files[wanted] == nil { facts.files[wanted] = .init() }
        return wanted
    }
}
