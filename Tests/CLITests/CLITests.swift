import Foundation
import XCTest

/// Runs the built binary: exit codes and streams are a contract.
final class CLITests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    func run(_ arguments: [String]) throws -> Run {
        let binary = Self.root + "/.build/debug/vringmigrate"
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            throw XCTSkip("build the binary first (swift build)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Self.root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func testHelpListsEveryCommandAndExitsZero() throws {
        let result = try run(["--help"])
        XCTAssertEqual(result.status, 0)
        for command in ["scan", "diff", "apply", "rules"] { XCTAssertTrue(result.stdout.contains(command), command) }
        XCTAssertTrue(try run(["help", "scan"]).stdout.contains("EXAMPLES:"))
        XCTAssertTrue(try run(["diff", "--help"]).stdout.contains("--review"))
    }

    func testUnknownOptionIsAUsageErrorWithASuggestion() throws {
        let result = try run(["scan", "--formt", "json", "Fixtures/trees/pre-3.3"])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains("did you mean '--format'"), result.stderr)
        XCTAssertEqual(try run(["scna"]).status, 64)
        XCTAssertEqual(try run(["scan"]).status, 64)
    }

    func testMissingPathIsNamedAndExitsTwoWhileOtherTreesAreStillScanned() throws {
        let result = try run(["scan", "no/such/tree", "Fixtures/trees/pre-3.3"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("no/such/tree"), result.stderr)
        XCTAssertTrue(result.stdout.contains("drivers/virtio/virtio_pci.c"))
    }

    func testDiffExitCodesSayWhetherChangesArePending() throws {
        XCTAssertEqual(try run(["diff", "Fixtures/trees/pre-3.3"]).status, 1)
        let migrated = try run(["diff", "Fixtures/trees/post-3.3"])
        XCTAssertEqual(migrated.status, 0)
        XCTAssertEqual(migrated.stdout, "")
    }

    func testMalformedRulesTableNamesTheFileAndIsAUsageError() throws {
        let path = NSTemporaryDirectory() + "bad-rules-\(UUID().uuidString).json"
        try Data("{\"rules\": [ {\"transport\": \"x\", \"wek_barriers\": true} ]}".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try run(["diff", "Fixtures/trees/pre-3.3", "--rules", path])
        XCTAssertEqual(result.status, 64)
        XCTAssertTrue(result.stderr.contains(path), result.stderr)
    }

    func testBinaryFileIsSkippedWithANoteAndScanStaysClean() throws {
        let tree = NSTemporaryDirectory() + "vm-bin-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: tree) }
        try Data([0x76, 0x69, 0x72, 0x74, 0x69, 0x6F, 0x5F, 0x6D, 0x62, 0x00, 0x01]).write(to: URL(fileURLWithPath: tree + "/blob.h"))
        let result = try run(["scan", tree])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stderr.contains("blob.h: note: binary file skipped"), result.stderr)
    }
}

extension CLITests {
    func testReviewCarriesTheOracleCheckOfEachTransport() throws {
        let review = NSTemporaryDirectory() + "review-\(UUID().uuidString).md"
        defer { try? FileManager.default.removeItem(atPath: review) }
        XCTAssertEqual(try run(["diff", "Fixtures/trees/pre-3.3", "--review", review]).status, 1)
        let text = String(decoding: FileManager.default.contents(atPath: review) ?? Data(), as: UTF8.self)
        XCTAssertTrue(text.contains("oracle: transport remoteproc, weak_barriers=false against a device peer: verified"), text)
        XCTAssertTrue(text.contains("oracle: transport virtio_pci, weak_barriers=true against a smp-cpu peer: verified"), text)
        XCTAssertTrue(text.contains("with weak_barriers=true instead: fails"), text)
    }

    func testOracleRingExitCodesFollowTheVerdict() throws {
        XCTAssertEqual(try run(["oracle", "ring", "--peer", "device", "--weak-barriers", "false"]).status, 0)
        let weak = try run(["oracle", "ring", "--peer", "device", "--weak-barriers", "true"])
        XCTAssertEqual(weak.status, 1)
        XCTAssertTrue(weak.stdout.contains("kick.publish"), weak.stdout)
        XCTAssertEqual(try run(["oracle", "ring", "--peer", "cpu"]).status, 64)
    }
}

extension CLITests {
    func makeTree() throws -> String {
        let tree = NSTemporaryDirectory() + "vm-tree-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: tree, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: tree) }
        return tree
    }

    func testAnEmptyTreeIsNamedAndIsAnError() throws {
        let tree = try makeTree()
        let result = try run(["scan", tree])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("\(tree): error: no .c or .h files"), result.stderr)
    }

    func testASymlinkLoopIsNamedAndTheRestIsStillScanned() throws {
        let tree = try makeTree()
        try FileManager.default.createSymbolicLink(atPath: tree + "/loop.c", withDestinationPath: tree + "/loop.c")
        try Data("void f(void) { virtio_mb(); }\n".utf8).write(to: URL(fileURLWithPath: tree + "/ok.c"))
        let result = try run(["scan", tree])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("loop.c: error: symlink loop"), result.stderr)
        XCTAssertTrue(result.stdout.contains("ok.c:1:16: barrier-use virtio_mb"), result.stdout)
    }

    func testAnUnreadableFileIsNamedAndIsAnError() throws {
        guard getuid() != 0 else { throw XCTSkip("root reads every file; permission errors cannot be simulated") }
        let tree = try makeTree()
        try Data("int x;\n".utf8).write(to: URL(fileURLWithPath: tree + "/secret.c"))
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: tree + "/secret.c")
        let result = try run(["scan", tree])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("secret.c: error: cannot open"), result.stderr)
    }
}

extension CLITests {
    func testLintOracleAttachesCounterexamplesToTheBuggyHelperAndVerifiesTheCorrectTree() throws {
        let buggy = try run(["lint", "--oracle", "Fixtures/trees/post-3.3-buggy"])
        XCTAssertEqual(buggy.status, 1)
        XCTAssertTrue(buggy.stdout.contains("oracle (smp-cpu peer, weak arm): scenario publish fails"), buggy.stdout)
        XCTAssertTrue(buggy.stdout.contains("oracle (device peer, strong arm): scenario publish fails"), buggy.stdout)
        XCTAssertTrue(buggy.stdout.contains("missing or too weak: kick.publish"), buggy.stdout)
        let correct = try run(["lint", "--oracle", "Fixtures/trees/post-3.3"])
        XCTAssertEqual(correct.status, 0)
        XCTAssertEqual(correct.stderr.components(separatedBy: "every scenario verified").count - 1, 2, correct.stderr)
    }
}
