import Foundation
import VringMigrateCore

/// Walks the tree, reads it and parses candidate sources on the same workers. The first worker
/// builds the shared kernel header, if any, while the other starts the walk; after that a worker
/// takes a waiting parse first (once the header is built), then a directory to list, then the
/// next chunk of files found so far: the expensive parses start as soon as their file is found,
/// and no core idles behind a walk phase or while the other finishes reading.
final class ScanPipeline: @unchecked Sendable {
    typealias Parse = @Sendable (ScannedFile) -> TranslationUnitParser.Outcome

    private let walk: WalkSession
    private let prefilter: Prefilter
    private let parse: Parse
    private let chunkSize = 64
    private let condition = NSCondition()
    private var files: [WalkedFile]
    private var nextFile = 0
    private var activeWorkers = 0
    private var waitingParses: [ScannedFile] = []
    /// Taken by the first worker; parses wait until it has run.
    private var precompile: (@Sendable () -> Void)?
    private var precompiled: Bool
    private(set) var parsed: [(file: ScannedFile, outcome: TranslationUnitParser.Outcome)] = []
    let collector = ReadCollector()

    init(walk: WalkSession, prefilter: Prefilter, precompile: (@Sendable () -> Void)?, parse: @escaping Parse) {
        self.walk = walk
        self.prefilter = prefilter
        self.precompile = precompile
        precompiled = precompile == nil
        self.parse = parse
        files = walk.initialFiles
    }

    /// `onProgress` gets the counts so far after every chunk and every parse; it runs under the
    /// pipeline's lock and must not call back into it.
    func run(jobs: Int, onProgress: (@Sendable (ScanProgress) -> Void)? = nil) {
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            let buffer = ReusableReadBuffer()
            while let job = nextJob() {
                switch job {
                case .precompile(let build):
                    build()
                    finished { precompiled = true }
                case .parse(let file):
                    let outcome = parse(file)
                    finished {
                        parsed.append((file, outcome))
                        report(to: onProgress)
                    }
                case .list(let directory):
                    let found = walk.read(directory)
                    finished { files += found }
                case .read(let chunk):
                    let candidates = read(chunk, buffer: buffer)
                    finished {
                        waitingParses += candidates
                        report(to: onProgress)
                    }
                }
            }
        }
    }

    private enum Job {
        case precompile(@Sendable () -> Void)
        case parse(ScannedFile)
        case list(WalkSession.Directory)
        case read(ArraySlice<WalkedFile>)
    }

    /// The shared header's build first, then a waiting parse, then a directory, then the next
    /// chunk of files; waits while another worker may still produce work; nil when all is done.
    private func nextJob() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let build = precompile {
                precompile = nil
                activeWorkers += 1
                return .precompile(build)
            }
            if precompiled, !waitingParses.isEmpty {
                activeWorkers += 1
                return .parse(waitingParses.removeFirst())
            }
            if let directory = walk.takeDirectory() {
                activeWorkers += 1
                return .list(directory)
            }
            if nextFile < files.count {
                let range = nextFile..<min(files.count, nextFile + chunkSize)
                nextFile = range.upperBound
                activeWorkers += 1
                return .read(files[range])
            }
            if activeWorkers == 0 { return nil }
            condition.wait()
        }
    }

    /// Records a job's results and wakes the workers waiting for more.
    private func finished(_ record: () -> Void) {
        condition.withLock {
            record()
            activeWorkers -= 1
            condition.broadcast()
        }
    }

    /// Called under the lock, so the counts on a terminal never go backwards.
    private func report(to onProgress: (@Sendable (ScanProgress) -> Void)?) {
        onProgress?(ScanProgress(filesRead: collector.filesRead, filesTotal: files.count, filesParsed: parsed.count))
    }

    /// Reads a chunk; returns the sources (not headers) that spell a watched name, to be parsed.
    private func read(_ chunk: ArraySlice<WalkedFile>, buffer: ReusableReadBuffer) -> [ScannedFile] {
        var found: [ScannedFile] = []
        for walked in chunk {
            let outcome = Analyzer.readOne(walked, prefilter: prefilter, buffer: buffer)
            if case .candidate(let file) = outcome, !file.file.relativePath.hasSuffix(".h") { found.append(file) }
            collector.add(outcome)
        }
        return found
    }
}
