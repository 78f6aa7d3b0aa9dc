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
/// tokenising or parsing. Paths come out sorted so every report is deterministic.
public struct FileWalker {
    public let root: String
    public let extensions: Set<String>

    public init(root: String, extensions: Set<String> = ["c", "h"]) {
        self.root = root
        self.extensions = extensions
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
        state.visited.insert(DirectoryIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        walkDirectory(absolute: root, relative: "", state: &state)
        state.files.sort { $0.relativePath < $1.relativePath }
        return (state.files, state.diagnostics)
    }

    private func walkDirectory(absolute: String, relative: String, state: inout WalkState) {
        guard let directory = opendir(absolute) else {
            state.diagnostics.append(RunDiagnostic(.error, path: relative.isEmpty ? absolute : relative,
                "cannot read directory: \(String(cString: strerror(errno)))"))
            return
        }
        defer { closedir(directory) }
        var subdirectories: [(String, String)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            let childAbsolute = absolute.hasSuffix("/") ? absolute + name : absolute + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            switch classify(entry.pointee.d_type, path: childAbsolute, relative: childRelative, state: &state) {
            case .directory: subdirectories.append((childAbsolute, childRelative))
            case .file where hasWantedExtension(name):
                state.files.append(WalkedFile(relativePath: childRelative, absolutePath: childAbsolute))
            default: break
            }
        }
        for (childAbsolute, childRelative) in subdirectories {
            walkDirectory(absolute: childAbsolute, relative: childRelative, state: &state)
        }
    }

    private enum EntryKind { case file, directory, other }

    private func classify(_ type: UInt8, path: String, relative: String, state: inout WalkState) -> EntryKind {
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
            if state.visited.insert(identity).inserted { return .directory }
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
    var visited: Set<DirectoryIdentity> = []
}
