import Dispatch
import Foundation
import VringMigrateCore

/// Parses the candidate files on every core, then any candidate header no parse reached.
struct ParsePhase {
    let settings: ParseSettings
    let treeRoot: String
    let sharedHeader = SharedHeaderSlot()

    /// What to build when the tree has core kernel headers to share: every parse then waits for
    /// the build, which the pipeline runs first, so no parse depends on timing.
    var sharedHeaderPlan: ParseSettings.SharedHeaderPlan? {
        settings.sharedHeaderPlan(treeRoot: treeRoot, headers: SharedHeader.coreHeaders)
    }

    struct Result {
        var facts = ASTFacts()
        var parsedCount = 0
        var failures: [RunDiagnostic] = []
        /// Real path → why it has no facts.
        var reasons: [String: String] = [:]
        /// Macro name → first place it is expanded, including macros reached through other macros.
        var expandedMacros: [String: String] = [:]
    }

    static func parser(interest: InterestCache) -> TranslationUnitParser {
        TranslationUnitParser(
            watchedFunctions: [WatchedNames.constructor, "virtio_mb", "virtio_rmb", "virtio_wmb"],
            watchedMacros: WatchedNames.barrierHelpers, filesOfInterest: interest)
    }

    func parseOne(_ file: ScannedFile, parser: TranslationUnitParser) -> TranslationUnitParser.Outcome {
        let path = file.file.absolutePath
        let chosen = settings.arguments(for: path, treeRoot: treeRoot, sharedHeader: sharedHeader.header)
        guard chosen.usesSharedHeader else { return parser.parse(path: path, arguments: chosen.arguments, unsaved: chosen.unsaved) }
        if case .parsed(let facts) = parser.parse(path: path, arguments: chosen.arguments, unsaved: chosen.unsaved, sharedHeader: true) {
            sharedHeader.recordUse()
            return .parsed(facts)
        }
        let plain = settings.arguments(for: path, treeRoot: treeRoot)
        return parser.parse(path: path, arguments: plain.arguments, unsaved: plain.unsaved)
    }

    /// Takes the parses the pipeline already ran, then parses every candidate header no parse
    /// reached, and works out which macros are expanded.
    func finish(_ candidates: [ScannedFile], parsed: [(file: ScannedFile, outcome: TranslationUnitParser.Outcome)],
                parser: TranslationUnitParser) -> Result {
        var result = Result()
        merge(parsed.sorted { $0.file.file.relativePath < $1.file.file.relativePath }, into: &result)
        let unreached = candidates.filter { $0.file.relativePath.hasSuffix(".h") && result.facts.files[$0.realPath] == nil }
        let outcomes = ParseOutcomes(count: unreached.count)
        DispatchQueue.concurrentPerform(iterations: unreached.count) { index in
            outcomes.set(index, parseOne(unreached[index], parser: parser))
        }
        merge(zip(unreached, outcomes.all).compactMap { file, outcome in outcome.map { (file, $0) } }, into: &result)
        result.expandedMacros = expandedMacros(candidates, facts: result.facts)
        return result
    }

    private func merge(_ outcomes: [(file: ScannedFile, outcome: TranslationUnitParser.Outcome)], into result: inout Result) {
        for (file, outcome) in outcomes {
            switch outcome {
            case .parsed(let facts):
                result.parsedCount += 1
                result.facts.merge(facts)
            case .failed(let reason):
                result.failures.append(RunDiagnostic(.error, path: file.file.relativePath, reason))
                result.reasons[file.realPath] = "the file failed to parse: \(reason)"
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

/// The shared header once built; nil when there is none or it could not be built.
final class SharedHeaderSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: SharedHeader?
    private var useCount = 0

    var header: SharedHeader? {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }

    /// How many parses loaded the header.
    var uses: Int { lock.withLock { useCount } }

    func recordUse() { lock.withLock { useCount += 1 } }
}

/// Parse outcomes written by index from the workers.
final class ParseOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var outcomes: [TranslationUnitParser.Outcome?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: TranslationUnitParser.Outcome) { lock.withLock { outcomes[index] = outcome } }

    var all: [TranslationUnitParser.Outcome?] { lock.withLock { outcomes } }
}
