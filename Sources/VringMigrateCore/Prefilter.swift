#if canImport(Glibc)
import Glibc
#endif

/// The literal prefilter: does a file spell any watched name at all?
///
/// Like ripgrep's packed-pair search, it tests 16 bytes at a time for a needle's first two bytes
/// together (`vi` or `vr` for the watched names), which is far rarer than either byte alone, and
/// compares whole needles only at those few places. A kernel tree's 1.1 GB of C goes by in a
/// fraction of what a byte-at-a-time `memchr` for `v` costs; only the files that pass are ever
/// tokenised, and fewer still parsed.
public struct Prefilter: Sendable {
    private let needles: [[UInt8]]
    /// First byte → the second bytes that may follow it in some needle.
    private let pairs: [(first: UInt8, seconds: [UInt8])]

    public init(names: [String]) {
        needles = names.map { Array($0.utf8) }.filter { $0.count >= 2 }
        var table: [UInt8: Set<UInt8>] = [:]
        for needle in needles { table[needle[0], default: []].insert(needle[1]) }
        pairs = table.keys.sorted().map { ($0, table[$0]!.sorted()) }
    }

    public func mayContain(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { mayContain($0) }
    }

    public func mayContain(_ haystack: UnsafeRawBufferPointer) -> Bool {
        guard let base = haystack.baseAddress else { return false }
        let count = haystack.count
        var offset = 0
        // The common case (every watched name starts with `v`, then `i` or `r`) runs with its
        // vectors in registers; any other needle set takes the general pair loop.
        if pairs.count == 1 && pairs[0].seconds.count <= 2 {
            let first = SIMD16<UInt8>(repeating: pairs[0].first)
            let secondA = SIMD16<UInt8>(repeating: pairs[0].seconds[0])
            let secondB = SIMD16<UInt8>(repeating: pairs[0].seconds.last!)
            while offset + 17 <= count {
                let block = base.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
                let next = base.loadUnaligned(fromByteOffset: offset + 1, as: SIMD16<UInt8>.self)
                if any((block .== first) .& ((next .== secondA) .| (next .== secondB))),
                    matchesInBlock(base, count: count, at: offset)
                {
                    return true
                }
                offset += 16
            }
        } else {
            while offset + 17 <= count {
                let block = base.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
                let next = base.loadUnaligned(fromByteOffset: offset + 1, as: SIMD16<UInt8>.self)
                if any(candidates(block, next)), matchesInBlock(base, count: count, at: offset) { return true }
                offset += 16
            }
        }
        while offset < count {
            if matches(base, count: count, at: offset) { return true }
            offset += 1
        }
        return false
    }

    private func matchesInBlock(_ base: UnsafeRawPointer, count: Int, at offset: Int) -> Bool {
        (0..<16).contains { matches(base, count: count, at: offset + $0) }
    }

    /// Lanes where a needle's first byte is followed by one of its second bytes.
    private func candidates(_ block: SIMD16<UInt8>, _ next: SIMD16<UInt8>) -> SIMDMask<SIMD16<Int8>> {
        var mask = SIMDMask<SIMD16<Int8>>(repeating: false)
        for pair in pairs {
            var second = SIMDMask<SIMD16<Int8>>(repeating: false)
            for byte in pair.seconds { second .|= next .== SIMD16(repeating: byte) }
            mask .|= (block .== SIMD16(repeating: pair.first)) .& second
        }
        return mask
    }

    private func matches(_ base: UnsafeRawPointer, count: Int, at offset: Int) -> Bool {
        needles.contains { needle in
            offset + needle.count <= count && needle.withUnsafeBytes { memcmp(base + offset, $0.baseAddress!, needle.count) == 0 }
        }
    }
}
