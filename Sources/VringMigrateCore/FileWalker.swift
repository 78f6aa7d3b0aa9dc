import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file the walker picked, named both relative to the tree root and absolutely.
public struct WalkedFile: Hashable, Sendable {
    public var relativePath: String
    public var absolutePath: String
}

/// Lists the C sources of a tree, cheaply.
///
/// Filter order, cheapest first: (1) names starting with `.` are skipped (`.git`, `.pc`, editor
/// files); (2) only names ending in `.c` or `.h` are kept; (3) only regular files (symlinks are
/// followed; a symlinked directory is entered once, tracked by device and inode, so loops end);
/// then callers read each file, skip binary ones (a NUL byte) and run the `Prefilter` before any
/// tokenising or parsing. Directories are read by `jobs` workers sharing one stack (directory
/// reads are system calls; one core would leave the other idle). Paths come out sorted so every
/// report is deterministic whatever the order the workers met them in.
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
        var state = WalkState()
        var info = stat()
        guard stat(root, &info) == 0 else {
            let reason = errno == ELOOP ? "symlink loop" : String(cString: strerror(errno))
            return ([], [RunDiagnostic(.error, path: root, "cannot open: \(reason)")])
        }
        if (info.st_mode & S_IFMT) == S_IFREG {
            let name = root.split(separator: "/").last.map(String.init) ?? root
            return ([WalkedFile(relativePath: name, absolutePath: root)], [])
        }
        let shared = SharedWalk(root: root, identity: DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        DispatchQueue.concurrentPerform(iterations: jobs) { _ in
            var local = WalkState()
            while let (absolute, relative) = shared.nextDirectory() {
                local.subdirectories = []
                readDirectory(absolute: absolute, relative: relative, state: &local, shared: shared)
                shared.finished(pushing: local.subdirectories)
            }
            shared.collect(local)
        }
        state = shared.result()
        if state.files.isEmpty {
            // Scanning nothing is almost always a wrong path, never a clean result.
            state.diagnostics.append(RunDiagnostic(.error, path: root, "no .c or .h files in this tree"))
        }
        state.files.sort { $0.relativePath < $1.relativePath }
        state.diagnostics.sort { ($0.path, $0.message) < ($1.path, $1.message) }
        return (state.files, state.diagnostics)
    }

    private func readDirectory(absolute: String, relative: String, state: inout WalkState, shared: SharedWalk) {
        guard let directory = opendir(absolute) else {
            state.diagnostics.append(RunDiagnostic(.error, path: relative.isEmpty ? absolute : relative,
                "cannot read directory: \(String(cString: strerror(errno)))"))
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            let childAbsolute = absolute.hasSuffix("/") ? absolute + name : absolute + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            switch classify(entry.pointee.d_type, path: childAbsolute, relative: childRelative, state: &state, shared: shared) {
            case .directory: state.subdirectories.append((childAbsolute, childRelative))
            case .file where hasWantedExtension(name):
                state.files.append(WalkedFile(relativePath: childRelative, absolutePath: childAbsolute))
            default: break
            }
        }
    }

    private enum EntryKind { case file, directory, other }

    private func classify(_ type: UInt8, path: String, relative: String, state: inout WalkState, shared: SharedWalk) -> EntryKind {
        if type == UInt8(DT_DIR) { return .directory }
        if type == UInt8(DT_REG) { return .file }
        guard type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) else { return .other }
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ELOOP {
                state.diagnostics.append(RunDiagnostic(.error, path: relative, "symlink loop"))
            } else if type == UInt8(DT_LNK) && hasWantedExtension(relative) {
                state.diagnostics.append(RunDiagnostic(.note, path: relative, "dangling symlink skipped"))
            }
            return .other
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR:
            let identity = DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            if shared.markVisited(identity) { return .directory }
            state.diagnostics.append(RunDiagnostic(.note, path: relative, "directory already walked (symlink); skipped"))
            return .other
        default: return .other
        }
    }

    private func hasWantedExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(String(name[name.index(after: dot)...]))
    }
}

private struct DirectoryIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
}

private struct WalkState {
    var files: [WalkedFile] = []
    var diagnostics: [RunDiagnostic] = []
    var subdirectories: [(String, String)] = []
}

/// The directories still to read and the identities already entered, shared by the workers.
private final class SharedWalk: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending: [(String, String)]
    private var busy = 0
    private var visited: Set<DirectoryIdentity>
    private var gathered = WalkState()

    init(root: String, identity: DirectoryIdentity) {
        pending = [(root, "")]
        visited = [identity]
    }

    /// The next directory to read; waits while another worker may still find more; nil when done.
    func nextDirectory() -> (String, String)? {
        condition.lock()
        defer { condition.unlock() }
        while pending.isEmpty {
            if busy == 0 { return nil }
            condition.wait()
        }
        busy += 1
        return pending.removeLast()
    }

    func finished(pushing directories: [(String, String)]) {
        condition.withLock {
            pending += directories
            busy -= 1
            condition.broadcast()
        }
    }

    func markVisited(_ identity: DirectoryIdentity) -> Bool {
        condition.withLock { visited.insert(identity).inserted }
    }

    func collect(_ state: WalkState) {
        condition.withLock {
            gathered.files += state.files
            gathered.diagnostics += state.diagnostics
        }
    }

    func result() -> WalkState { condition.withLock { gathered } }
}
