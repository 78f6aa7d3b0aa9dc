#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files as bytes with plain POSIX calls: no decoding, no Foundation overhead on the
/// hot path of a 78,000-file tree.
public enum FileReader {
    public enum Failure: Error, CustomStringConvertible {
        case cannotOpen(String)
        case cannotRead(String)

        public var description: String {
            switch self {
            case .cannotOpen(let reason): return "cannot open: \(reason)"
            case .cannotRead(let reason): return "cannot read: \(reason)"
            }
        }
    }

    public static func read(_ path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .cannotOpen(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .cannotRead(String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw .cannotRead("is a directory") }
        var capacity = max(Int(info.st_size), 0) + 1
        var bytes = [UInt8](repeating: 0, count: capacity)
        var count = 0
        while true {
            if count == capacity {
                capacity *= 2
                bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, capacity - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(String(cString: strerror(errno)))
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        return bytes
    }

    /// A file is binary when its first 8 KiB hold a NUL byte (git's and grep's test).
    public static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.prefix(8192).contains(0)
    }
}

/// A read buffer one worker reuses for every file, so the hot path of a 78,000-file tree neither
/// allocates nor zero-fills per file; bytes are copied out only for the few files that matter.
public final class ReusableReadBuffer {
    private var storage: UnsafeMutableRawBufferPointer

    public init(capacity: Int = 1 << 20) {
        storage = .allocate(byteCount: capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    /// Reads the whole file at `path` and hands its bytes to `body`.
    public func withContents<R>(of path: String, _ body: (UnsafeRawBufferPointer) throws -> R) throws -> R {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileReader.Failure.cannotOpen(String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var count = 0
        while true {
            if count == storage.count { grow(toHold: descriptor) }
            let got = Glibc.read(descriptor, storage.baseAddress! + count, storage.count - count)
            if got < 0 {
                if errno == EINTR { continue }
                let reason = errno == EISDIR ? "is a directory" : String(cString: strerror(errno))
                throw FileReader.Failure.cannotRead(reason)
            }
            if got == 0 { break }
            count += got
        }
        return try body(UnsafeRawBufferPointer(rebasing: storage[0..<count]))
    }

    /// Grows once to the file's size (plus room to see the end) instead of doubling: a 24 MB
    /// generated header would otherwise copy and fault in every size on the way.
    private func grow(toHold descriptor: Int32) {
        var info = stat()
        let size = fstat(descriptor, &info) == 0 ? Int(info.st_size) : 0
        let capacity = max(storage.count * 2, size + 4096)
        let bigger = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        bigger.copyMemory(from: UnsafeRawBufferPointer(storage))
        storage.deallocate()
        storage = bigger
    }
}
