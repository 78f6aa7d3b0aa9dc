import Foundation
import VringMigrateCore

/// Which files a parse should collect facts for: files inside the tree that spell a watched name.
///
/// Decided lazily, per file a parse meets, so a parse can start while the read phase is still
/// finding candidates; each answer is computed once for all parses. A parse meets a few hundred
/// headers, so reading those again costs milliseconds, less than taking the real path of every
/// file the read phase sees.
final class InterestCache: @unchecked Sendable {
    private let rootPrefix: String
    private let prefilter: Prefilter
    private let lock = NSLock()
    private var answers: [String: Bool] = [:]

    init(treeRoot: String, prefilter: Prefilter) {
        let real = RealPath.of(treeRoot)
        rootPrefix = real.hasSuffix("/") ? real : real + "/"
        self.prefilter = prefilter
    }

    func contains(_ realPath: String) -> Bool {
        guard realPath.hasPrefix(rootPrefix) else { return false }
        if let known = lock.withLock({ answers[realPath] }) { return known }
        let interesting = (try? FileReader.read(realPath)).map { prefilter.mayContain($0) } ?? false
        lock.withLock { answers[realPath] = interesting }
        return interesting
    }
}
