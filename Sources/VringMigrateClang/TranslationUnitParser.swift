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

    func parse(path: String, arguments: [String], unsaved: [(path: String, contents: String)]) -> Outcome {
        guard let index = clang_createIndex(0, 0) else { return .failed("libclang could not create an index") }
        defer { clang_disposeIndex(index) }
        var unit: CXTranslationUnit?
        let options = CXTranslationUnit_DetailedPreprocessingRecord.rawValue | CXTranslationUnit_KeepGoing.rawValue
        let code = withCStrings(arguments) { argv in
            withUnsavedFiles(unsaved) { files in
                clang_parseTranslationUnit2(index, path, argv, Int32(arguments.count), files, UInt32(unsaved.count), options, &unit)
            }
        }
        guard code == CXError_Success, let unit else {
            return .failed("libclang could not parse the file (error \(code.rawValue))")
        }
        defer { clang_disposeTranslationUnit(unit) }
        var collector = FactCollector(parser: self)
        collector.collect(unit)
        return .parsed(collector.facts)
    }
}

private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    let pointers = strings.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    let constPointers = pointers.map { UnsafePointer($0) }
    return constPointers.withUnsafeBufferPointer { body($0.baseAddress) }
}

private func withUnsavedFiles<R>(_ files: [(path: String, contents: String)], _ body: (UnsafeMutablePointer<CXUnsavedFile>?) -> R) -> R {
    let names = files.map { strdup($0.path) }
    let contents = files.map { strdup($0.contents) }
    defer { (names + contents).forEach { free($0) } }
    var records = zip(files.indices, files).map { index, file in
        CXUnsavedFile(Filename: names[index], Contents: contents[index], Length: UInt(file.contents.utf8.count))
    }
    return records.withUnsafeMutableBufferPointer { body($0.baseAddress) }
}
