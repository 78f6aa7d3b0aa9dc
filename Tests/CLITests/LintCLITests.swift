import Foundation
import XCTest

/// `vringmigrate lint` as CI runs it: exit codes, the SARIF a code-scanning service reads, the
/// GitHub annotations and summary, baselines, and the README's CI job and pre-commit hook.
extension CLITests {
    struct ShellRun {
        var status: Int32
        var stdout: String
    }

    /// `script` under /bin/sh in `directory`, with the built binary first on the PATH.
    func shell(_ script: String, in directory: String, environment extra: [String: String] = [:]) throws -> ShellRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = Self.root + "/.build/debug:" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment.merge(extra) { $1 }
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ShellRun(status: process.terminationStatus, stdout: String(decoding: data, as: UTF8.self))
    }

    func scratchCopy(of tree: String) throws -> String {
        let path = NSTemporaryDirectory() + "vm-lint-cli-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Self.root + "/Fixtures/trees/" + tree, toPath: path)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// The fenced block after `<!-- marker -->` in the README.
    func readmeBlock(_ marker: String) throws -> String {
        let readme = try String(contentsOfFile: Self.root + "/README.md", encoding: .utf8)
        let after = try XCTUnwrap(readme.range(of: "<!-- \(marker) -->")).upperBound
        let open = try XCTUnwrap(readme.range(of: "```", range: after..<readme.endIndex))
        let bodyStart = try XCTUnwrap(readme[open.upperBound...].firstIndex(of: "\n"))
        let close = try XCTUnwrap(readme.range(of: "\n```", range: bodyStart..<readme.endIndex))
        return String(readme[readme.index(after: bodyStart)..<close.lowerBound]) + "\n"
    }

    func testLintExitCodesFollowTheContract() throws {
        XCTAssertEqual(try run(["lint", "Fixtures/trees/post-3.3"]).status, 0)
        XCTAssertEqual(try run(["lint", "Fixtures/trees/modern"]).stdout, "")
        let buggy = try run(["lint", "Fixtures/trees/post-3.3-buggy"])
        XCTAssertEqual(buggy.status, 1)
        XCTAssertEqual(buggy.stdout, try String(contentsOfFile: Self.root + "/Fixtures/golden/post-3.3-buggy/lint.txt", encoding: .utf8))
        XCTAssertTrue(buggy.stderr.hasPrefix("vringmigrate lint: 2 findings (2 errors, 0 warnings, 0 notes)"), buggy.stderr)
        XCTAssertEqual(try run(["lint", "Fixtures/trees/kick-prepare-wmb"]).status, 1)
        XCTAssertEqual(try run(["lint", "no/such/tree", "Fixtures/trees/post-3.3-buggy"]).status, 2, "errors beat findings")
        XCTAssertEqual(try run(["lint", "--format", "xml", "Fixtures/trees/post-3.3"]).status, 64)
        XCTAssertEqual(try run(["lint", "--fail-on", "fatal", "Fixtures/trees/post-3.3"]).status, 64)
        XCTAssertEqual(try run(["lint"]).status, 64)
        XCTAssertTrue(try run(["lint", "--fial-on", "note", "."]).stderr.contains("did you mean '--fail-on'"))
    }

    func testFailOnDecidesWhetherWarningsFail() throws {
        let tree = try scratchCopy(of: "post-3.3")
        let path = tree + "/drivers/virtio/virtio_mmio.c"
        let source = try String(contentsOfFile: path, encoding: .utf8)
        try source.replacingOccurrences(of: "vdev, true,", with: "vdev, weak,")
            .replacingOccurrences(of: "const char *name)\n{", with: "const char *name)\n{\n\tbool weak = true;\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let lenient = try run(["lint", tree])
        XCTAssertEqual(lenient.status, 0, lenient.stdout + lenient.stderr)
        XCTAssertTrue(lenient.stdout.contains("warning: passes weak_barriers as `weak`"), lenient.stdout)
        XCTAssertEqual(try run(["lint", "--fail-on", "warning", tree]).status, 1)
    }

    func testLintSarifHasRulesResultsPositionsAndFixes() throws {
        let result = try run(["lint", "--format", "sarif", "Fixtures/trees/post-3.3-buggy"])
        XCTAssertEqual(result.status, 1)
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
        let base = try XCTUnwrap((run["originalUriBaseIds"] as? [String: [String: Any]])?["SRCROOT"]?["uri"] as? String)
        XCTAssertTrue(base.hasPrefix("file:///") && base.hasSuffix("/Fixtures/trees/post-3.3-buggy/"), base)
        let rules = try XCTUnwrap((run["tool"] as? [String: [String: Any]])?["driver"]?["rules"] as? [[String: Any]])
        XCTAssertEqual(Set(rules.compactMap { $0["id"] as? String }), ["fence-kind", "call-conformance", "barrier-use", "barrier-strength"])
        for rule in rules {
            XCTAssertNotNil((rule["shortDescription"] as? [String: String])?["text"])
            XCTAssertNotNil((rule["fullDescription"] as? [String: String])?["text"])
            XCTAssertNotNil((rule["defaultConfiguration"] as? [String: String])?["level"])
        }
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, 2)
        for result in results {
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, result["ruleId"] as? String)
            XCTAssertEqual(result["level"] as? String, "error")
            let location = try XCTUnwrap((result["locations"] as? [[String: [String: Any]]])?.first?["physicalLocation"])
            XCTAssertEqual((location["artifactLocation"] as? [String: String])?["uri"], "drivers/virtio/virtio_ring.c")
            XCTAssertEqual((location["artifactLocation"] as? [String: String])?["uriBaseId"], "SRCROOT")
            let region = try XCTUnwrap(location["region"] as? [String: Int])
            XCTAssertEqual(region["startLine"], 21)
            XCTAssertEqual(region["endLine"], 21)
            XCTAssertGreaterThanOrEqual(region["startColumn"] ?? 0, 1)
            XCTAssertGreaterThan(region["endColumn"] ?? 0, region["startColumn"] ?? 0)
            XCTAssertNotNil((result["partialFingerprints"] as? [String: String])?["vringmigrateFingerprint/v1"])
            XCTAssertEqual((result["fixes"] as? [Any])?.count, 1, "the right fence is the fix")
        }
    }

    func testLintJSONIsOneDocumentedObjectPerLine() throws {
        let result = try run(["lint", "--format", "json", "Fixtures/trees/pre-3.3"])
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 6)
        for line in lines {
            let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            XCTAssertEqual(Set(object.keys), ["rule", "severity", "path", "line", "column", "end_line", "end_column", "start", "end",
                                              "message", "notes", "fingerprint", "fix"])
            XCTAssertEqual(object["rule"] as? String, "call-conformance")
            XCTAssertFalse((object["fix"] as? [Any] ?? []).isEmpty)
        }
    }

    func testBaselineAcceptsRecordedFindingsOnly() throws {
        let baseline = NSTemporaryDirectory() + "vm-baseline-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: baseline) }
        let write = try run(["lint", "--write-baseline", baseline, "Fixtures/trees/post-3.3-buggy"])
        XCTAssertEqual(write.status, 0)
        XCTAssertTrue(write.stderr.contains("2 baselined"), write.stderr)
        let accepted = try run(["lint", "--baseline", baseline, "Fixtures/trees/post-3.3-buggy"])
        XCTAssertEqual(accepted.status, 0)
        XCTAssertEqual(accepted.stdout, "")
        XCTAssertEqual(try run(["lint", "--baseline", baseline, "Fixtures/trees/kick-prepare-wmb"]).status, 1)
        try Data("{}".utf8).write(to: URL(fileURLWithPath: baseline))
        XCTAssertEqual(try run(["lint", "--baseline", baseline, "Fixtures/trees/post-3.3"]).status, 64)
    }

    func testOperationsFileTeachesBarrierStrengthANewFunction() throws {
        let tree = try scratchCopy(of: "kick-prepare-wmb")
        let ring = tree + "/drivers/virtio/virtio_ring.c"
        try String(contentsOfFile: ring, encoding: .utf8).replacingOccurrences(of: "virtqueue_kick_prepare(", with: "my_kick_prepare(")
            .write(toFile: ring, atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(["lint", tree]).status, 0, "an unknown function with no stores has no side: no verdict")
        let table = tree + "/operations.json"
        try Data("""
            { "operations": [ { "operation": "kick-prepare", "functions": ["my_kick_prepare"], "side": "driver",
                                "entry": "kick.beforeEventCheck", "why": "virtqueue_add_buf stores avail->idx before this runs" } ] }
            """.utf8).write(to: URL(fileURLWithPath: table))
        let taught = try run(["lint", "--operations", table, tree])
        XCTAssertEqual(taught.status, 1)
        XCTAssertTrue(taught.stdout.contains("[barrier-strength]") && taught.stdout.contains("my_kick_prepare (operation kick-prepare)"), taught.stdout)
        try Data("{ \"operations\": [ { \"operation\": \"x\", \"functions\": [], \"side\": \"guest\", \"why\": \"\" } ] }".utf8)
            .write(to: URL(fileURLWithPath: table))
        XCTAssertEqual(try run(["lint", "--operations", table, tree]).status, 64)
    }

    func testReadmeCIJobRunsAsDocumented() throws {
        let commands = try readmeBlock("lint-ci-job").split(separator: "\n")
            .compactMap { line -> String? in
                guard let range = line.range(of: "run: vringmigrate lint") else { return nil }
                return String(line[line.index(range.lowerBound, offsetBy: 5)...])
            }
        XCTAssertEqual(commands.count, 2)
        let tree = try scratchCopy(of: "post-3.3-buggy")
        let summary = tree + "/summary.md"
        let annotate = try shell(commands[0], in: tree, environment: ["GITHUB_STEP_SUMMARY": summary])
        XCTAssertEqual(annotate.status, 1)
        XCTAssertTrue(annotate.stdout.hasPrefix("::error file=drivers/virtio/virtio_ring.c,line=21,col=32,"), annotate.stdout)
        XCTAssertTrue(annotate.stdout.contains("title=fence-kind::virtio_wmb expands to smp_rmb"), annotate.stdout)
        let markdown = try String(contentsOfFile: summary, encoding: .utf8)
        XCTAssertTrue(markdown.contains("2 findings: 2 errors."), markdown)
        XCTAssertEqual(try shell(commands[1], in: tree).status, 0, "findings alone must not fail the SARIF step")
        let sarif = try XCTUnwrap(FileManager.default.contents(atPath: tree + "/vringmigrate.sarif"))
        let log = try XCTUnwrap(JSONSerialization.jsonObject(with: sarif) as? [String: Any])
        XCTAssertEqual(((log["runs"] as? [[String: Any]])?.first?["results"] as? [Any])?.count, 2)
        XCTAssertEqual(try shell(commands[0], in: try scratchCopy(of: "post-3.3"), environment: ["GITHUB_STEP_SUMMARY": summary]).status, 0)
    }

    func testReadmePreCommitHookRefusesACommitWithLintErrors() throws {
        let tree = try scratchCopy(of: "post-3.3-buggy")
        let hook = tree + "/.git/hooks/pre-commit"
        let git = "git -c user.name=lint-test -c user.email=lint@example.invalid"
        XCTAssertEqual(try shell("git init -q . && mkdir -p .git/hooks", in: tree).status, 0)
        try readmeBlock("lint-pre-commit").write(toFile: hook, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: hook)
        XCTAssertNotEqual(try shell("git add -A && \(git) commit -q -m buggy", in: tree).status, 0)
        XCTAssertEqual(try shell("vringmigrate lint --write-baseline .vringmigrate-baseline.json . && git add -A && \(git) commit -q -m adopt", in: tree).status, 0)
        let ring = tree + "/drivers/virtio/virtio_ring.c"
        let fixed = try String(contentsOfFile: ring, encoding: .utf8)
            .replacingOccurrences(of: "smp_rmb(); else rmb(); } while(0)\n#else", with: "smp_wmb(); else wmb(); } while(0)\n#else")
        try fixed.write(toFile: ring, atomically: true, encoding: .utf8)
        XCTAssertEqual(try shell("rm .vringmigrate-baseline.json && git add -A && \(git) commit -q -m fixed", in: tree).status, 0)
    }
}
