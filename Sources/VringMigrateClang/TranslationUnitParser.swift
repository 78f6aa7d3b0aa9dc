import CClang
#if canImport(Glibc)
import Glibc
#endif

/// Parses one file with libclang and collects the facts about the watched names.
///
/// Only subtrees that start in a file of interest are walked: the thousands of declarations a
/// kernel header chain brings in are skipped at the top level, which keeps a visit to a few
/// milliseconds.
struct TranslationUnitParser {
    let watchedFunctions: Set<String>
    let watchedMacros: Set<String>
    /// Real paths of the files whose facts are wanted.
    let filesOfInterest: InterestCache

    enum Outcome {
        case parsed(ASTFacts)
        case failed(String)
    }

    /// With `sharedHeader`, the declarations loaded from it are not visited (none is in a file
    /// of interest), and a parse that could not load it fails so the caller parses without it.
    func parse(path: String, arguments: [String], unsaved: [(path: String, contents: String)], sharedHeader: Bool = false) -> Outcome {
        guard let index = clang_createIndex(sharedHeader ? 1 : 0, 0) else { return .failed("libclang could not create an index") }
        defer { clang_disposeIndex(index) }
        let options = CXTranslationUnit_DetailedPreprocessingRecord.rawValue | CXTranslationUnit_KeepGoing.rawValue
        let (code, parsed) = Self.parseUnit(index, path: path, arguments: arguments, unsaved: unsaved, options: options)
        guard let unit = parsed else { return .failed("libclang could not parse the file (error \(code.rawValue))") }
        defer { clang_disposeTranslationUnit(unit) }
        if sharedHeader && Self.rejectedPrecompiledHeader(unit) { return .failed("libclang could not load the shared header") }
        var collector = FactCollector(parser: self)
        collector.collect(unit)
        return .parsed(collector.facts)
    }
}

extension TranslationUnitParser {
    /// A precompiled header that does not fit (changed files, other options) is reported as an
    /// error and the parse goes on without its declarations: such a parse must not count.
    static func rejectedPrecompiledHeader(_ unit: CXTranslationUnit) -> Bool {
        (0..<clang_getNumDiagnostics(unit)).contains { number in
            guard let diagnostic = clang_getDiagnostic(unit, number) else { return false }
            defer { clang_disposeDiagnostic(diagnostic) }
            guard clang_getDiagnosticSeverity(diagnostic).rawValue >= CXDiagnostic_Error.rawValue else { return false }
            let category = LibClang.take(clang_getDiagnosticCategoryText(diagnostic))
            let text = LibClang.take(clang_getDiagnosticSpelling(diagnostic))
            return category.contains("AST Deserialization") || text.contains("PCH file") || text.contains("precompiled header")
        }
    }

    /// The one call of `clang_parseTranslationUnit2`; the caller disposes the unit.
    static func parseUnit(
        _ index: CXIndex, path: String, arguments: [String], unsaved: [(path: String, contents: String)], options: UInt32
    ) -> (CXErrorCode, CXTranslationUnit?) {
        var unit: CXTranslationUnit?
        let code = withCStrings(arguments) { argv in
            withUnsavedFiles(unsaved) { files in
                clang_parseTranslationUnit2(index, path, argv, Int32(arguments.count), files, UInt32(unsaved.count), options, &unit)
            }
        }
        return (code, code == CXError_Success ? unit : nil)
    }

    private static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        let pointers = strings.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        let constPointers = pointers.map { UnsafePointer($0) }
        return constPointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }

    private static func withUnsavedFiles<R>(
        _ files: [(path: String, contents: String)], _ body: (UnsafeMutablePointer<CXUnsavedFile>?) -> R
    ) -> R {
        let names = files.map { strdup($0.path) }
        let contents = files.map { strdup($0.contents) }
        defer { (names + contents).forEach { free($0) } }
        var records = zip(files.indices, files).map { index, file in
            CXUnsavedFile(Filename: names[index], Contents: contents[index], Length: UInt(file.contents.utf8.count))
        }
        return records.withUnsafeMutableBufferPointer { body($0.baseAddress) }
    }
}
