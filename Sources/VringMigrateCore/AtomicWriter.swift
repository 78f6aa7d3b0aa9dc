#if canImport(Glibc)
import Glibc
#endif

/// Writes a migrated file safely: only if it still holds the bytes that were analysed, only inside
/// the tree (a symlink leading out is refused), only if it is writable; through a temporary file
/// beside it that keeps its mode and is renamed over it, so a reader sees the old or the new file,
/// never half of one.
public enum AtomicWriter {
    public enum Refusal: Error, CustomStringConvertible, Equatable {
        case changedSinceAnalysis
        case outsideTree(String)
        case notWritable
        case failed(String)

        public var description: String {
            switch self {
            case .changedSinceAnalysis: return "changed since it was analysed; not touched"
            case .outsideTree(let target): return "leads outside the tree (to \(target)); not touched"
            case .notWritable: return "is not writable; not touched"
            case .failed(let reason): return "could not be written (\(reason)); not touched"
            }
        }
    }

    public static func replace(_ path: String, treeRoot: String, expected: [UInt8], with bytes: [UInt8]) throws(Refusal) {
        guard let real = realPath(path), let root = realPath(treeRoot) else { throw .failed("cannot resolve path") }
        guard real == root || real.hasPrefix(root + "/") else { throw .outsideTree(real) }
        var info = stat()
        guard stat(real, &info) == 0 else { throw .failed(String(cString: strerror(errno))) }
        // Root passes access(2) for any file, so the mode's write bits are checked as well: a file
        // someone made read-only is left alone even when we could overwrite it.
        guard access(real, W_OK) == 0, info.st_mode & 0o222 != 0 else { throw .notWritable }
        guard let current = try? FileReader.read(real), current == expected else { throw .changedSinceAnalysis }
        let directory = String(real[..<(real.lastIndex(of: "/") ?? real.startIndex)])
        var template = Array((directory + "/.vringmigrate-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .failed(String(cString: strerror(errno))) }
        let temporary = String(cString: template)
        let written = bytes.withUnsafeBytes { buffer in writeAll(descriptor, buffer) }
        let synced = fchmod(descriptor, info.st_mode & 0o7777) == 0 && fsync(descriptor) == 0
        close(descriptor)
        guard written, synced, rename(temporary, real) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw .failed(reason)
        }
    }

    private static func writeAll(_ descriptor: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let count = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return false }
            offset += count
        }
        return true
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
