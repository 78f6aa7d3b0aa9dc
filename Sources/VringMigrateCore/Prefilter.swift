#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The literal prefilter: does a file spell any watched name at all? One `memchr` pass per
/// distinct first byte, then a `memcmp` of each needle at each hit (as ripgrep and Coccinelle's
/// token prefilter do), so that only a handful of a kernel tree's files are ever tokenised, and
/// fewer still parsed. All watched names start with `v`, which makes this a single pass.
public struct Prefilter: Sendable {
    private let needlesByFirstByte: [UInt8: [[UInt8]]]

    public init(names: [String]) {
        var table: [UInt8: [[UInt8]]] = [:]
        for name in names where !name.isEmpty {
            let bytes = Array(name.utf8)
            table[bytes[0], default: []].append(bytes)
        }
        needlesByFirstByte = table
    }

    public func mayContain(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { mayContain($0) }
    }

    public func mayContain(_ haystack: UnsafeRawBufferPointer) -> Bool {
        guard let base = haystack.baseAddress else { return false }
        return needlesByFirstByte.contains { first, needles in
            Self.search(base, count: haystack.count, first: first, needles: needles)
        }
    }

    private static func search(_ base: UnsafeRawPointer, count: Int, first: UInt8, needles: [[UInt8]]) -> Bool {
        var offset = 0
        while offset < count {
            guard let hit = memchr(base + offset, Int32(first), count - offset) else { return false }
            let position = base.distance(to: UnsafeRawPointer(hit))
            for needle in needles where position + needle.count <= count {
                let equal = needle.withUnsafeBytes { memcmp(base + position, $0.baseAddress!, needle.count) == 0 }
                if equal { return true }
            }
            offset = position + 1
        }
        return false
    }
}
