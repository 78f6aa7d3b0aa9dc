import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file the walk picked, named both relative to the tree root and absolutely.
public struct WalkedFile: Hashable, Sendable {
    public var relativePath: String
    public var absolutePath: String

    public init(relativePath: String, absolutePath: String) {
        self.relativePath = relativePath
        self.absolutePath = absolutePath
    }
}

/// One walk of a tree that callers drive a directory at a time, so a scan can read the files
/// already found while other directories are still being listed: a serial walk phase left a core
/// idle and sorted 56,000 paths before the first read.
///
/// Filter order, cheapest first: (1) names starting with `.` are skipped (`.git`, `.pc`, editor
/// files); (2) only names ending in one of the extensions are kept; (3) only regular files
/// (symlinks are followed; a symlinked directory is entered once, tracked by device and inode, so
/// loops end). Thread-safe: any number of workers may take and read directories at once.
public final class WalkSession: @unchecked Sendable {
    public struct Directory: Sendable {
        let absolute: String
        let relative: String
    }

    public let root: String
    /// True when the root named a single file rather than a directory.
    public private(set) var rootIsFile = false
    /// The files known before any directory is read: the root itself when it is a file.
    public private(set) var initialFiles: [WalkedFile] = []
    private let extensions: Set<String>
    private let lock = NSLock()
    private var pending: [Directory] = []
    private var visited: Set<DirectoryIdentity> = []
    private var diagnostics: [RunDiagnostic] = []
    private var filesFound = 0

    public init(root: String, extensions: Set<String> = ["c", "h"]) {
        self.root = root
        self.extensions = extensions
        var info = stat()
        guard stat(root, &info) == 0 else {
            let reason = errno == ELOOP ? "symlink loop" : String(cString: strerror(errno))
            diagnostics.append(RunDiagnostic(.error, path: root, "cannot open: \(reason)"))
            return
        }
        if (info.st_mode & S_IFMT) == S_IFREG {
            rootIsFile = true
            let name = root.split(separator: "/").last.map(String.init) ?? root
            initialFiles = [WalkedFile(relativePath: name, absolutePath: root)]
            filesFound = 1
            return
        }
        visited = [DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))]
        pending = [Directory(absolute: root, relative: "")]
    }

    /// A directory to read now, or nil when none is waiting (others may still be read).
    public func takeDirectory() -> Directory? {
        lock.withLock { pending.popLast() }
    }

    /// Lists one taken directory: returns its wanted files and queues its subdirectories.
    public func read(_ directory: Directory) -> [WalkedFile] {
        var listing = DirectoryListing(extensions: extensions)
        listing.read(directory, session: self)
        // Pushed in reverse name order so the stack hands them out in name order: files then come
        // in roughly sorted order, like the old walk-then-read scan, and timings stay reproducible.
        let subdirectories = listing.subdirectories.sorted { $0.relative > $1.relative }
        lock.withLock {
            pending += subdirectories
            diagnostics += listing.diagnostics
            filesFound += listing.files.count
        }
        return listing.files
    }

    /// The walk's own problems, sorted; an empty tree is one of them.
    public func finish() -> [RunDiagnostic] {
        lock.withLock {
            var result = diagnostics
            if filesFound == 0 && !result.contains(where: { $0.path == root }) {
                // Scanning nothing is almost always a wrong path, never a clean result.
                result.append(RunDiagnostic(.error, path: root, "no .c or .h files in this tree"))
            }
            return result.sorted { ($0.path, $0.message) < ($1.path, $1.message) }
        }
    }

    fileprivate func markVisited(_ identity: DirectoryIdentity) -> Bool {
        lock.withLock { visited.insert(identity).inserted }
    }
}

private struct DirectoryIdentity: Hashable {
    var device: UInt64
    var inode: UInt64
}

/// What reading one directory found.
private struct DirectoryListing {
    let extensions: Set<String>
    var files: [WalkedFile] = []
    var subdirectories: [WalkSession.Directory] = []
    var diagnostics: [RunDiagnostic] = []

    init(extensions: Set<String>) { self.extensions = extensions }

    mutating func read(_ directory: WalkSession.Directory, session: WalkSession) {
        let (absolute, relative) = (directory.absolute, directory.relative)
        guard let handle = opendir(absolute) else {
            diagnostics.append(RunDiagnostic(.error, path: relative.isEmpty ? absolute : relative,
                "cannot read directory: \(String(cString: strerror(errno)))"))
            return
        }
        defer { closedir(handle) }
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            let childAbsolute = absolute.hasSuffix("/") ? absolute + name : absolute + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            switch classify(entry.pointee.d_type, path: childAbsolute, relative: childRelative, session: session) {
            case .directory: subdirectories.append(.init(absolute: childAbsolute, relative: childRelative))
            case .file where hasWantedExtension(name):
                files.append(WalkedFile(relativePath: childRelative, absolutePath: childAbsolute))
            default: break
            }
        }
    }

    private enum EntryKind { case file, directory, other }

    private mutating func classify(_ type: UInt8, path: String, relative: String, session: WalkSession) -> EntryKind {
        if type == UInt8(DT_DIR) { return .directory }
        if type == UInt8(DT_REG) { return .file }
        guard type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN) else { return .other }
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ELOOP {
                diagnostics.append(RunDiagnostic(.error, path: relative, "symlink loop"))
            } else if type == UInt8(DT_LNK) && hasWantedExtension(relative) {
                diagnostics.append(RunDiagnostic(.note, path: relative, "dangling symlink skipped"))
            }
            return .other
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR:
            let identity = DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
            if session.markVisited(identity) { return .directory }
            diagnostics.append(RunDiagnostic(.note, path: relative, "directory already walked (symlink); skipped"))
            return .other
        default: return .other
        }
    }

    private func hasWantedExtension(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(String(name[name.index(after: dot)...]))
    }
}
