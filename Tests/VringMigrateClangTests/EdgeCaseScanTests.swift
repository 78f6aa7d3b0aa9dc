import VringMigrateClang
import VringMigrateCore
import XCTest

/// One test per edge case of Fixtures/trees/edge-cases. Expected positions are computed from the
/// fixture's own bytes, so the tests say what must hold, not what the code happened to print.
final class EdgeCaseScanTests: XCTestCase {
    static let analysis = Analyzer(settings: ParseSettings(), jobs: 2).analyze(root: Repository.fixtureTree("edge-cases")).analysis

    func sites(in path: String) -> [Site] { Self.analysis.sites.filter { $0.path == path } }

    func bytes(_ path: String) -> [UInt8] { Self.analysis.files[path]!.bytes }

    /// Offset of the `occurrence`-th match of `needle` in the file.
    func offset(of needle: String, in path: String, occurrence: Int = 1) -> Int {
        let haystack = bytes(path), pattern = Array(needle.utf8)
        var found = 0
        for start in 0...(haystack.count - pattern.count) where Array(haystack[start..<start + pattern.count]) == pattern {
            found += 1
            if found == occurrence { return start }
        }
        XCTFail("\(needle) not found in \(path)")
        return -1
    }

    func testCallFromAMacroBodyIsReportedAtTheMacroDefinition() throws {
        let site = try XCTUnwrap(sites(in: "drivers/edge/macro_body.c").first)
        XCTAssertEqual(site.kind, .call)
        XCTAssertEqual(site.foundBy, .macroBody)
        XCTAssertEqual(site.macro, "EDGE_NEW_VQ")
        XCTAssertEqual(site.range.start, offset(of: "vring_new_virtqueue(n,", in: "drivers/edge/macro_body.c"))
        XCTAssertEqual(site.arguments?.map(\.text), ["n", "4096", "d", "p", "edge_notify", "edge_cb", "\"edge\""])
        XCTAssertTrue(site.note?.contains("expanded at drivers/edge/macro_body.c:") ?? false, site.note ?? "")
    }

    func testCallInsideAMacroArgumentIsConfirmedByTheParse() throws {
        let site = try XCTUnwrap(sites(in: "drivers/edge/macro_arg.c").first)
        XCTAssertEqual(site.kind, .call)
        XCTAssertEqual(site.foundBy, .ast)
        XCTAssertEqual(site.range.start, offset(of: "vring_new_virtqueue(num", in: "drivers/edge/macro_arg.c"))
    }

    func testInactiveBranchesAreReportedWithTheirConditions() {
        let found = sites(in: "drivers/edge/inactive.c")
        XCTAssertEqual(found.map(\.foundBy), [.inactiveBranch, .inactiveBranch, .ast])
        XCTAssertEqual(found.map(\.conditions), [["defined(CONFIG_EDGE_LEGACY)"], ["0"], []])
    }

    func testCommentsInsideTheArgumentListStayOutOfTheArguments() throws {
        let found = sites(in: "drivers/edge/comments.c")
        XCTAssertEqual(found.count, 2)
        XCTAssertEqual(found[0].arguments?.map(\.text), ["num", "4096", "vdev", "pages", "edge_notify", "edge_cb", "\"comments\""])
        let nested = try XCTUnwrap(found[1].arguments)
        XCTAssertEqual(nested[3].text, "edge_pages(dev, (num) * 2)")
        XCTAssertTrue(found.allSatisfy { $0.foundBy == .ast })
    }

    func testMultibyteCommentShiftsByteColumnsNotCodePoints() throws {
        let path = "drivers/edge/multibyte.c"
        let site = try XCTUnwrap(sites(in: path).first)
        let start = offset(of: "vring_new_virtqueue(count", in: path)
        let lineStart = bytes(path)[..<start].lastIndex(of: UInt8(ascii: "\n"))! + 1
        XCTAssertEqual(site.column, start - lineStart + 1)
        let position = Self.analysis.files[path]!.sourcePosition(of: start)
        XCTAssertLessThan(position.codePointColumn, position.column)
    }

    func testCRLFFileReportsTheSameLineAsItsLFReading() throws {
        let path = "drivers/edge/crlf.c"
        let site = try XCTUnwrap(sites(in: path).first)
        let start = offset(of: "vring_new_virtqueue(", in: path)
        let newlines = bytes(path)[..<start].filter { $0 == UInt8(ascii: "\n") }.count
        XCTAssertEqual(site.line, newlines + 1)
        XCTAssertFalse(site.arguments!.contains { $0.text.contains("\r") })
    }

    func testNamesInCommentsAndStringsAreNotSitesAndReferencesAreNotCalls() {
        let found = sites(in: "drivers/edge/not_sites.c")
        XCTAssertEqual(found.map(\.kind), [.reference, .reference])
        XCTAssertEqual(found.map(\.line), [29, 30])
        XCTAssertTrue(found.allSatisfy { $0.foundBy == .ast })
    }

    func testLatin1BytesAreKeptAndTheCallIsFound() throws {
        let path = "drivers/edge/latin1.c"
        XCTAssertTrue(bytes(path).contains(0xE9))
        let site = try XCTUnwrap(sites(in: path).first)
        XCTAssertEqual(site.foundBy, .ast)
        XCTAssertEqual(site.range.start, offset(of: "vring_new_virtqueue(", in: path))
    }

    func testBarrierUseInsideAnotherMacroBodyIsFound() throws {
        let use = try XCTUnwrap(sites(in: "drivers/virtio/virtio_ring.c").first { $0.kind == .barrierUse && $0.macro == "EDGE_PUBLISH" })
        XCTAssertEqual(use.foundBy, .macroBody)
        XCTAssertEqual(use.name, "virtio_wmb")
    }
}
