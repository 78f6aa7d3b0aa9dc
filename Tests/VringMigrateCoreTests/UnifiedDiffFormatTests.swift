import XCTest
@testable import VringMigrateCore

/// The exact text of small diffs: headers, counts, markers and the missing-newline marker.
final class UnifiedDiffFormatTests: XCTestCase {
    private func diff(_ old: String, _ new: String, path: String = "f.c") -> String {
        String(decoding: UnifiedDiff.render(path: path, old: Array(old.utf8), new: Array(new.utf8)), as: UTF8.self)
    }

    private let header = "diff --git a/f.c b/f.c\n--- a/f.c\n+++ b/f.c\n"

    func testIdenticalFilesGiveNoOutput() {
        XCTAssertEqual(UnifiedDiff.render(path: "f.c", old: Array("a\n".utf8), new: Array("a\n".utf8)), [])
        XCTAssertEqual(UnifiedDiff.render(path: "f.c", old: [], new: []), [])
    }

    func testInsertionInSmallFile() {
        XCTAssertEqual(diff("a\nb\nc\n", "a\nb\nX\nc\n"), header + "@@ -1,3 +1,4 @@\n a\n b\n+X\n c\n")
    }

    func testEmptyOldSideCountsAsZeroZero() {
        XCTAssertEqual(diff("", "x\n"), header + "@@ -0,0 +1 @@\n+x\n")
        XCTAssertEqual(diff("x\n", ""), header + "@@ -1 +0,0 @@\n-x\n")
    }

    func testMissingFinalNewlineIsMarked() {
        XCTAssertEqual(diff("a", "b"),
                       header + "@@ -1 +1 @@\n-a\n\\ No newline at end of file\n+b\n\\ No newline at end of file\n")
        XCTAssertEqual(diff("a\nb", "a\nb\n"),
                       header + "@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n")
    }

    func testChangesSixLinesApartShareAHunkAndSevenDoNot() {
        let lines = (1...30).map { "line \($0)\n" }
        func changed(_ indices: [Int]) -> String {
            lines.enumerated().map { indices.contains($0.offset) ? "CHANGED\n" : $0.element }.joined()
        }
        let merged = diff(lines.joined(), changed([5, 12]))
        XCTAssertEqual(merged.components(separatedBy: "\n@@ ").count - 1, 1)
        XCTAssertTrue(merged.contains("@@ -3,14 +3,14 @@ line 2\n"), merged)
        let split = diff(lines.joined(), changed([5, 13]))
        XCTAssertEqual(split.components(separatedBy: "\n@@ ").count - 1, 2)
        XCTAssertTrue(split.contains("@@ -3,7 +3,7 @@ line 2\n"), split)
        XCTAssertTrue(split.contains("@@ -11,7 +11,7 @@ line 10\n"), split)
    }

    func testHunkHeaderNamesTheEnclosingFunctionLikeGit() {
        let old = "static int f(void)\n{\n\tint a;\n\tint b;\n\tint c;\n\tint d;\n\treturn 0;\n}\n"
        let new = old.replacingOccurrences(of: "\tint d;\n", with: "\tint d;\n\tint e;\n")
        XCTAssertEqual(diff(old, new),
                       header + "@@ -4,5 +4,6 @@ static int f(void)\n \tint b;\n \tint c;\n \tint d;\n+\tint e;\n \treturn 0;\n }\n")
    }

    func testUnusualPathsAreQuotedAsGitDoes() {
        XCTAssertEqual(GitPathQuoting.quoted("a/drivers/x.c"), "a/drivers/x.c")
        XCTAssertEqual(GitPathQuoting.quoted("a/dir/ü.c"), "\"a/dir/\\303\\274.c\"")
        XCTAssertEqual(GitPathQuoting.quoted("a/t\tb\"c\\"), "\"a/t\\tb\\\"c\\\\\"")
        XCTAssertTrue(diff("a\n", "b\n", path: "x y.c").hasPrefix("diff --git a/x y.c b/x y.c\n--- a/x y.c\t\n+++ b/x y.c\t\n"))
    }

    func testContextZeroGivesBareChanges() {
        let output = UnifiedDiff.render(path: "f.c", old: Array("a\nb\nc\n".utf8), new: Array("a\nB\nc\n".utf8), context: 0)
        XCTAssertEqual(String(decoding: output, as: UTF8.self), header + "@@ -2 +2 @@ a\n-b\n+B\n")
    }
}
