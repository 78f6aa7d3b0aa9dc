import XCTest
@testable import VringMigrateCore

final class LineTableTests: XCTestCase {
    func testPositionsCountBytesAndLines() {
        let table = LineTable(bytes: Array("ab\ncd\r\nef".utf8))
        XCTAssertEqual(table.lineCount, 3)
        XCTAssertEqual(table.position(of: 0).line, 1)
        XCTAssertEqual(table.position(of: 4).line, 2)
        XCTAssertEqual(table.position(of: 4).column, 2)
        XCTAssertEqual(table.position(of: 7).line, 3)
        XCTAssertEqual(table.offset(line: 3, column: 2), 8)
    }

    func testCodePointColumnSkipsContinuationBytes() {
        let file = SourceFile(relativePath: "a.c", absolutePath: "/a.c", bytes: Array("/* ü */ x".utf8))
        let x = file.bytes.firstIndex(of: UInt8(ascii: "x"))!
        XCTAssertEqual(file.sourcePosition(of: x).column, 10)
        XCTAssertEqual(file.sourcePosition(of: x).codePointColumn, 9)
    }
}
