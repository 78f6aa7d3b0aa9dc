import Dispatch
import Foundation
import VringMigrateCore

/// Parses the candidate files on every core, then any candidate header no parse reached.
struct ParsePhase {
    let settings: ParseSettings
    let jobs: Int
    let treeRoot: String

    struct Result {
        var facts = ASTFacts()
        var parsedCount = 0
        var failures: [RunDiagnostic] = []
        /// Real path → why it has no facts.
        var reasons: [String: String] = [:]
        /// Macro name → first place it is expanded, including macros reached through other macros.
        var expandedMacros: [String: String] = [:]
    }

    func run(_ candidates: [ScannedFile], progress: (Int) -> Void) -> Result {
        let interest = Set(candidates.map(\.realPath))
        let parser = TranslationUnitParser(
            watchedFunctions: [WatchedNames.constructor, "virtio_mb", "virtio_rmb", "virtio_wmb"],
            watchedMacros: WatchedNames.barrierHelpers, filesOfInterest: interest)
        var result = Result()
        let sources = candidates.filter { !$0.file.relativePath.hasSuffix(".h") }
        parseAll(sources, parser: parser, into: &result)
        progress(result.parsedCount)
        let unreached = candidates.filter { $0.file.relativePath.hasSuffix(".h") && result.facts.files[$0.realPath] == nil }
        parseAll(unreached, parser: parser, into: &result)
        progress(result.parsedCount)
        result.expandedMacros = expandedMacros(candidates, facts: result.facts)
        return result
    }

    private func parseAll(_ files: [ScannedFile], parser: TranslationUnitParser, into result: inout Result) {
        let outcomes = ParseOutcomes(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            let file = files[index]
            let (arguments, unsaved) = settings.arguments(for: file.file.absolutePath, treeRoot: treeRoot)
            outcomes.set(index, parser.parse(path: file.file.absolutePath, arguments: arguments, unsaved: unsaved))
        }
        for (index, outcome) in outcomes.all.enumerated() {
            switch outcome {
            case .parsed(let facts, _)?:
                result.parsedCount += 1
                result.facts.merge(facts)
            case .failed(let reason)?:
                result.failures.append(RunDiagnostic(.error, path: files[index].file.relativePath, reason))
                result.reasons[files[index].realPath] = "the file failed to parse: \(reason)"
            case nil:
                break
            }
        }
    }

    private func expandedMacros(_ candidates: [ScannedFile], facts: ASTFacts) -> [String: String] {
        var places: [String: String] = [:]
        for candidate in candidates {
            guard let perFile = facts.files[candidate.realPath] else { continue }
            for (offset, name) in perFile.macroExpansions.sorted(by: { $0.key < $1.key }) where places[name] == nil {
                let position = candidate.file.position(of: offset)
                places[name] = "\(candidate.file.relativePath):\(position.line):\(position.column)"
            }
        }
        // A macro used in the body of an expanded macro is expanded too.
        let bodies = Dictionary(
            candidates.flatMap { candidate in
                candidate.scan.macros.map { macro in
                    (macro.name, BarrierArms.identifierTokens(in: candidate.file.bytes, range: macro.body).map(\.text))
                }
            }, uniquingKeysWith: { first, _ in first })
        var queue = Array(places.keys.sorted())
        while let name = queue.popLast() {
            for inner in bodies[name] ?? [] where bodies[inner] != nil && places[inner] == nil {
                places[inner] = places[name]
                queue.append(inner)
            }
        }
        return places
    }
}

/// Parse outcomes written by index from the workers.
final class ParseOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [TranslationUnitParser.Outcome?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: TranslationUnitParser.Outcome) { lock.withLock { outcomes[index] = outcome } }

    var all: [TranslationUnitParser.Outcome?] { lock.withLock { outcomes } }
}
