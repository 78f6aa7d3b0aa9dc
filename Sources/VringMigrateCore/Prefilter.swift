#if canImport(Glibc)
import Glibc
#endif

/// The literal prefilter: does a file spell any watched name at all?
///
/// Like ripgrep's packed-pair search it tests 16 positions at a time, but on a needle's first four
/// bytes together (`virt` or `vrin` for the watched names). Two bytes are not enough in C: `vi`
/// sits in every `device`, 800,000 times in a kernel tree, and each false hit cost whole-needle
/// compares; four bytes leave about 40,000 places (`virt_to_phys`). Only the lanes that hit are
/// compared in full. A kernel tree's 1.1 GB of C goes by in a fraction of what a byte-at-a-time
/// `memchr` for `v` costs; only the files that pass are ever tokenised, and fewer still parsed.
public struct Prefilter: Sendable {
    private let needles: [[UInt8]]
    /// The distinct four-byte prefixes of the needles, when every needle has one and there are at
    /// most two (the watched names); otherwise the general two-byte loop runs.
    private let prefixes: [[UInt8]]
    /// First byte → the second bytes that may follow it in some needle (the general loop).
    private let pairs: [(first: UInt8, seconds: [UInt8])]

    public init(names: [String]) {
        needles = names.map { Array($0.utf8) }.filter { $0.count >= 2 }
        var distinct: [[UInt8]] = []
        for needle in needles where !distinct.contains(Array(needle.prefix(4))) { distinct.append(Array(needle.prefix(4))) }
        prefixes = distinct.allSatisfy { $0.count == 4 } && (1...2).contains(distinct.count) ? distinct : []
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
        if !prefixes.isEmpty {
            if packedPrefixSearch(base, count: count, offset: &offset) { return true }
        } else {
            while offset + 17 <= count {
                let block = base.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
                let next = base.loadUnaligned(fromByteOffset: offset + 1, as: SIMD16<UInt8>.self)
                if matchesInLanes(candidates(block, next), base, count: count, at: offset) { return true }
                offset += 16
            }
        }
        while offset < count {
            if matches(base, count: count, at: offset) { return true }
            offset += 1
        }
        return false
    }

    /// The fast path: 16 positions per step, each tested on four bytes against one or two
    /// prefixes held in registers. Leaves `offset` where the byte-by-byte tail must resume.
    private func packedPrefixSearch(_ base: UnsafeRawPointer, count: Int, offset: inout Int) -> Bool {
        let (f0, f1, f2, f3) = Self.splat(prefixes[0])
        let (o0, o1, o2, o3) = Self.splat(prefixes[prefixes.count - 1])
        while offset + 19 <= count {
            let b0 = base.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)
            let b1 = base.loadUnaligned(fromByteOffset: offset + 1, as: SIMD16<UInt8>.self)
            // Two bytes first: most blocks stop here; the rare block with a pair tests all four.
            let pairs = ((b0 .== f0) .& (b1 .== f1)) .| ((b0 .== o0) .& (b1 .== o1))
            if Self.anyLane(pairs) {
                let b2 = base.loadUnaligned(fromByteOffset: offset + 2, as: SIMD16<UInt8>.self)
                let b3 = base.loadUnaligned(fromByteOffset: offset + 3, as: SIMD16<UInt8>.self)
                let hits = (pairs .& (b2 .== f2) .& (b3 .== f3) .& (b0 .== f0) .& (b1 .== f1))
                    .| (pairs .& (b2 .== o2) .& (b3 .== o3) .& (b0 .== o0) .& (b1 .== o1))
                if matchesInLanes(hits, base, count: count, at: offset) { return true }
            }
            offset += 16
        }
        return false
    }

    /// `any(_:)` without the generic call: the mask read as two 64-bit words (a lane is 0x00 or
    /// 0xFF). The standard library's `any` is not specialised and costs more than a block test.
    @inline(__always)
    private static func anyLane(_ lanes: SIMDMask<SIMD16<Int8>>) -> Bool {
        let words = unsafeBitCast(lanes, to: (UInt64, UInt64).self)
        return words.0 | words.1 != 0
    }

    private static func splat(_ prefix: [UInt8]) -> (SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>, SIMD16<UInt8>) {
        (SIMD16(repeating: prefix[0]), SIMD16(repeating: prefix[1]), SIMD16(repeating: prefix[2]), SIMD16(repeating: prefix[3]))
    }

    /// Compares whole needles only at the lanes a block test flagged.
    @inline(__always)
    private func matchesInLanes(_ lanes: SIMDMask<SIMD16<Int8>>, _ base: UnsafeRawPointer, count: Int, at offset: Int) -> Bool {
        let words = unsafeBitCast(lanes, to: (UInt64, UInt64).self)
        guard words.0 | words.1 != 0 else { return false }
        return matchesInWord(words.0, base, count: count, at: offset)
            || matchesInWord(words.1, base, count: count, at: offset + 8)
    }

    private func matchesInWord(_ word: UInt64, _ base: UnsafeRawPointer, count: Int, at offset: Int) -> Bool {
        var rest = word
        while rest != 0 {
            let lane = rest.trailingZeroBitCount / 8
            if matches(base, count: count, at: offset + lane) { return true }
            rest &= ~(UInt64(0xFF) << UInt64(lane * 8))
        }
        return false
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
