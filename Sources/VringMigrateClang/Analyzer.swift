import Dispatch
import Foundation
import VringMigrateCore

/// What `scan` (and, on top of it, `diff`, `apply` and `lint`) knows about one tree.
public struct TreeAnalysis: Sendable {
    public var root: String
    /// Every file that spells a watched name in code, by relative path, with its original bytes.
    public var files: [String: SourceFile]
    public var scans: [String: CScanResult]
    public var sites: [Site]
}

public struct ScanStatistics: Sendable {
    public var filesRead = 0
    public var filesParsed = 0
    public var filesFailedToParse = 0
    /// Parses that loaded the shared precompiled kernel header (see SharedHeader).
    public var filesParsedWithSharedHeader = 0
    public var mode: ParseSettings.Mode = .treeIncludes

    public init() {}

    /// Adds another tree's counts (the mode is the last tree's; every tree uses the same settings).
    public mutating func add(_ other: ScanStatistics) {
        filesRead += other.filesRead
        filesParsed += other.filesParsed
        filesFailedToParse += other.filesFailedToParse
        filesParsedWithSharedHeader += other.filesParsedWithSharedHeader
        mode = other.mode
    }

    public func confirmed(_ sites: [Site]) -> Int { sites.filter { $0.foundBy == .ast }.count }
}

public struct ScanProgress: Sendable {
    public var filesRead: Int
    public var filesTotal: Int
    public var filesParsed: Int
}

/// Runs the pipeline: walk → read → literal prefilter → token scan → libclang parse of the files
/// that spell a watched name in code → one site per occurrence; walk, reads and parses overlap.
public struct Analyzer: Sendable {
    public let settings: ParseSettings
    public let jobs: Int

    public init(settings: ParseSettings, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.settings = settings
        self.jobs = max(1, jobs)
    }

    public func analyze(
        root: String, progress: (@Sendable (ScanProgress) -> Void)? = nil
    ) -> (analysis: TreeAnalysis, statistics: ScanStatistics, diagnostics: [RunDiagnostic]) {
        let walk = WalkSession(root: root)
        var statistics = ScanStatistics()
        statistics.mode = settings.mode
        let treeRoot = walk.rootIsFile ? (root as NSString).deletingLastPathComponent : root
        let prefilter = Prefilter(names: Array(WatchedNames.all))
        let phase = ParsePhase(settings: settings, treeRoot: treeRoot)
        let interest = InterestCache(treeRoot: treeRoot, prefilter: prefilter)
        let parser = ParsePhase.parser(interest: interest)
        var precompile: (@Sendable () -> Void)?
        if let plan = phase.sharedHeaderPlan {
            precompile = { @Sendable in phase.sharedHeader.header = SharedHeader.build(plan, interest: interest) }
        }
        defer { phase.sharedHeader.header = nil }  // releases the header file
        let pipeline = ScanPipeline(walk: walk, prefilter: prefilter, precompile: precompile) { phase.parseOne($0, parser: parser) }
        pipeline.run(jobs: jobs, onProgress: progress)
        let read = pipeline.collector.result()
        statistics.filesRead = read.filesRead
        let parsed = phase.finish(read.candidates, parsed: pipeline.parsed, parser: parser)
        statistics.filesParsed = parsed.parsedCount
        statistics.filesFailedToParse = parsed.failures.count
        statistics.filesParsedWithSharedHeader = phase.sharedHeader.uses
        let sites = buildSites(read.candidates, parsed: parsed)
        var files: [String: SourceFile] = [:]
        var scans: [String: CScanResult] = [:]
        for candidate in read.candidates {
            files[candidate.file.relativePath] = candidate.file
            scans[candidate.file.relativePath] = candidate.scan
        }
        let diagnostics = walk.finish() + read.diagnostics + parsed.failures
        let analysis = TreeAnalysis(root: root, files: files, scans: scans, sites: sites.sorted(by: Site.reportOrder))
        return (analysis, statistics, diagnostics.sorted { ($0.path, $0.message) < ($1.path, $1.message) })
    }

    private func buildSites(_ candidates: [ScannedFile], parsed: ParsePhase.Result) -> [Site] {
        candidates.flatMap { candidate in
            SiteBuilder(
                file: candidate.file, scan: candidate.scan, facts: parsed.facts.files[candidate.realPath],
                unparsedReason: parsed.reasons[candidate.realPath] ?? "no parsed file includes this header",
                expandedMacros: parsed.expandedMacros
            ).sites()
        }
    }

    static func readOne(_ walked: WalkedFile, prefilter: Prefilter, buffer: ReusableReadBuffer) -> ReadOutcome {
        let contents: [UInt8]?
        do {
            contents = try buffer.withContents(of: walked.absolutePath) { raw in
                prefilter.mayContain(raw) ? Array(raw) : nil
            }
        } catch {
            return .diagnostic(RunDiagnostic(.error, path: walked.relativePath, "\(error)"))
        }
        guard let bytes = contents else { return .uninteresting }
        if FileReader.looksBinary(bytes) {
            return .diagnostic(RunDiagnostic(.note, path: walked.relativePath, "binary file skipped"))
        }
        let scan = CScanner(bytes: bytes, watched: WatchedNames.all).scan()
        guard !scan.occurrences.isEmpty else { return .uninteresting }
        let file = SourceFile(relativePath: walked.relativePath, absolutePath: walked.absolutePath, bytes: bytes)
        return .candidate(ScannedFile(file: file, scan: scan, realPath: RealPath.of(walked.absolutePath)))
    }
}
