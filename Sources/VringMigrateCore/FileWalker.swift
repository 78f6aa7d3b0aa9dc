import Dispatch
import Foundation

/// A file the walker picked, named both relative to the tree root and absolutely.
public struct WalkedFile: Hashable, Sendable {
    public var relativePath: String
    public var absolutePath: String

    public init(relativePath: String, absolutePath: String) {
        self.relativePath = relativePath
        self.absolutePath = absolutePath
    }
}

/// Lists the C sources of a tree, cheaply, all at once: `jobs` workers drive one `WalkSession`
/// (directory reads are system calls; one core would leave the other idle). Paths come out
/// sorted so every report is deterministic whatever order the workers met them in. The scan
/// drives a session itself instead, to read files while the walk goes on.
public struct FileWalker: Sendable {
    public let root: String
    public let extensions: Set<String>
    public let jobs: Int

    public init(root: String, extensions: Set<String> = ["c", "h"], jobs: Int = 1) {
        self.root = root
        self.extensions = extensions
        self.jobs = max(1, jobs)
    }

    public func walk() -> (files: [WalkedFile], diagnostics: [RunDiagnostic]) {
        let session = WalkSession(root: root, extensions: extensions)
        let gathered = GatheredFiles(session.initialFiles)
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            var local: [WalkedFile] = []
            while let directory = session.nextDirectory() { local += session.read(directory) }
            gathered.add(local)
        }
        let files = gathered.all.sorted { $0.relativePath < $1.relativePath }
        return (files, session.finish())
    }
}

private final class GatheredFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var files: [WalkedFile]

    init(_ files: [WalkedFile]) { self.files = files }

    func add(_ more: [WalkedFile]) { lock.withLock { files += more } }

    var all: [WalkedFile] { lock.withLock { files } }
}
