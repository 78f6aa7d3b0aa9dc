import Foundation
import VringMigrateCore

/// Reads the tree and parses candidate sources on the same workers: a worker takes a waiting parse
/// before the next chunk of reads, so the expensive parses start as soon as their file is found and
/// no core idles while the other finishes the read phase.
final class ScanPipeline: @unchecked Sendable {
    typealias Parse = @Sendable (ScannedFile) -> TranslationUnitParser.Outcome

    private let files: [WalkedFile]
    private let prefilter: Prefilter
    private let parse: Parse
    private let chunkSize = 64
    private let condition = NSCondition()
    private var nextFile = 0
    private var activeReaders = 0
    private var waitingParses: [ScannedFile] = []
    private(set) var parsed: [(file: ScannedFile, outcome: TranslationUnitParser.Outcome)] = []
    let collector = ReadCollector()

    init(files: [WalkedFile], prefilter: Prefilter, parse: @escaping Parse) {
        self.files = files
        self.prefilter = prefilter
        self.parse = parse
    }

    func run(jobs: Int, onRead: (@Sendable (Int) -> Void)? = nil) {
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            let buffer = ReusableReadBuffer()
            while let job = nextJob() {
                switch job {
                case .parse(let file):
                    let outcome = parse(file)
                    condition.withLock { parsed.append((file, outcome)) }
                case .read(let range):
                    read(range, buffer: buffer)
                    onRead?(collector.filesRead)
                }
            }
        }
    }

    private enum Job {
        case parse(ScannedFile)
        case read(Range<Int>)
    }

    /// A waiting parse first, then the next chunk of reads; waits while another worker may still
    /// produce parses; nil when everything is done.
    private func nextJob() -> Job? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            if !waitingParses.isEmpty { return .parse(waitingParses.removeFirst()) }
            if nextFile < files.count {
                let range = nextFile..<min(files.count, nextFile + chunkSize)
                nextFile = range.upperBound
                activeReaders += 1
                return .read(range)
            }
            if activeReaders == 0 { return nil }
            condition.wait()
        }
    }

    private func read(_ range: Range<Int>, buffer: ReusableReadBuffer) {
        var found: [ScannedFile] = []
        for index in range {
            let outcome = Analyzer.readOne(files[index], prefilter: prefilter, buffer: buffer)
            if case .candidate(let file) = outcome, !file.file.relativePath.hasSuffix(".h") { found.append(file) }
            collector.add(outcome)
        }
        condition.withLock {
            waitingParses += found
            activeReaders -= 1
            condition.broadcast()
        }
    }
}
