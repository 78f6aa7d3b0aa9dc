import XCTest
@testable import VringMigrateCore

final class GlobTests: XCTestCase {
    private func assertGlob(_ pattern: String, matches yes: [String], rejects no: [String],
                            file: StaticString = #filePath, line: UInt = #line) throws {
        let glob = try Glob(pattern)
        for path in yes { XCTAssertTrue(glob.matches(path), "\(pattern) should match \(path)", file: file, line: line) }
        for path in no { XCTAssertFalse(glob.matches(path), "\(pattern) should not match \(path)", file: file, line: line) }
    }

    private func reason(_ pattern: String) -> GlobError.Reason? {
        do {
            _ = try Glob(pattern)
            return nil
        } catch {
            return error.reason
        }
    }

    func testLiteralPathsMatchOnlyThemselves() throws {
        try assertGlob("drivers/virtio/virtio_mmio.c", matches: ["drivers/virtio/virtio_mmio.c"],
                       rejects: ["drivers/virtio/virtio_mmio.h", "drivers/virtio/virtio_mmio.c/x", "x/drivers/virtio/virtio_mmio.c"])
    }

    func testStarStaysInsideOneSegment() throws {
        try assertGlob("drivers/virtio/virtio_pci*.c",
                       matches: ["drivers/virtio/virtio_pci.c", "drivers/virtio/virtio_pci_modern.c", "drivers/virtio/virtio_pci_legacy.c"],
                       rejects: ["drivers/virtio/virtio_pci/x.c", "drivers/virtio/virtio_mmio.c", "drivers/virtio/virtio_pci.h"])
        try assertGlob("*.c", matches: ["a.c", ".c"], rejects: ["dir/a.c"])
        try assertGlob("a*b*c", matches: ["abc", "aXbYc", "abbbc", "abcbc"], rejects: ["ab", "acb", "a/b/c"])
    }

    func testDoubleStarSpansWholeSegments() throws {
        try assertGlob("drivers/lguest/**",
                       matches: ["drivers/lguest", "drivers/lguest/lguest_device.c", "drivers/lguest/x86/core.c"],
                       rejects: ["drivers/lguestx/a.c", "drivers/lguest.c", "arch/drivers/lguest/a.c"])
        try assertGlob("**/virtio_ring.c", matches: ["virtio_ring.c", "drivers/virtio/virtio_ring.c"], rejects: ["drivers/virtio/virtio_ring.h"])
        try assertGlob("a/**/b", matches: ["a/b", "a/x/b", "a/x/y/b"], rejects: ["a/xb", "ab", "a/b/c"])
        try assertGlob("**", matches: ["a", "a/b/c"], rejects: [])
        try assertGlob("a/**/**/b", matches: ["a/b", "a/x/b"], rejects: ["b"])
    }

    func testDoubleStarInsideASegmentIsAStar() throws {
        try assertGlob("a**b/c", matches: ["ab/c", "axxb/c"], rejects: ["a/b/c"])
    }

    func testQuestionMarkAndSets() throws {
        try assertGlob("virtio_?.c", matches: ["virtio_a.c", "virtio_ü.c"], rejects: ["virtio_.c", "virtio_ab.c"])
        try assertGlob("x[abc].c", matches: ["xa.c", "xc.c"], rejects: ["xd.c", "x.c"])
        try assertGlob("x[a-c0-9].c", matches: ["xb.c", "x7.c"], rejects: ["xd.c"])
        try assertGlob("x[!a].c", matches: ["xb.c", "xü.c"], rejects: ["xa.c", "x/.c"])
        try assertGlob("x[^a].c", matches: ["xb.c"], rejects: ["xa.c"])
        try assertGlob("x[-a].c", matches: ["x-.c", "xa.c"], rejects: ["xb.c"])
        try assertGlob("x[a-].c", matches: ["x-.c", "xa.c"], rejects: ["xb.c"])
        try assertGlob("a?b", matches: ["axb"], rejects: ["a/b"])
    }

    func testEscapesMakeCharactersLiteral() throws {
        try assertGlob("a\\*b", matches: ["a*b"], rejects: ["axb"])
        try assertGlob("a[\\]]b", matches: ["a]b"], rejects: ["axb"])
        try assertGlob("\\*\\*/x", matches: ["**/x"], rejects: ["a/x", "x"])
    }

    func testMalformedGlobsAreTypedErrors() {
        XCTAssertEqual(reason(""), .empty)
        XCTAssertEqual(reason("/drivers/x.c"), .absolute)
        XCTAssertEqual(reason("drivers/"), .trailingSlash)
        XCTAssertEqual(reason("a//b"), .emptySegment)
        XCTAssertEqual(reason("a[bc"), .unclosedBracket)
        XCTAssertEqual(reason("a[]"), .emptyBracket)
        XCTAssertEqual(reason("a[!]"), .emptyBracket)
        XCTAssertEqual(reason("a[z-a]"), .reversedRange("z-a"))
        XCTAssertEqual(reason("a\\"), .trailingBackslash)
    }

    func testErrorDescriptionsNameThePatternAndPlace() {
        XCTAssertThrowsError(try Glob("drivers/[virtio/*.c")) { error in
            XCTAssertEqual("\(error)", "glob \"drivers/[virtio/*.c\" has a '[' at character 9 that is never closed")
        }
        XCTAssertThrowsError(try Glob("drivers/lguest/")) { error in
            XCTAssertEqual("\(error)", "glob \"drivers/lguest/\" ends with '/'; write \"drivers/lguest/**\" to match everything below a directory")
        }
    }

    func testPathologicalPatternStaysFast() throws {
        let glob = try Glob(String(repeating: "a*", count: 30) + "b")
        let start = Date()
        XCTAssertFalse(glob.matches(String(repeating: "a", count: 200)))
        XCTAssertLessThan(Date().timeIntervalSince(start), 1.0)
    }
}
