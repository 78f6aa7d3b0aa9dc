import Foundation
import XCTest
@testable import VringMigrateCore

/// Checks the SARIF log as a consumer would read it: required properties, 1-based positions,
/// rule indices, column kind, URIs and fixes.
final class SARIFStructureTests: XCTestCase {
    private func log(_ findings: [Finding] = ReporterFixtures.findings, rules: [RuleMetadata] = ReporterFixtures.rules,
                     tool: ToolInfo = ReporterFixtures.tool) throws -> [String: Any] {
        let text = SARIFReporter(tool: tool, sourceRoot: ReporterFixtures.sourceRoot).report(findings: findings, rules: rules)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    private func run(_ log: [String: Any]) throws -> [String: Any] {
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        return try XCTUnwrap(runs.first)
    }

    func testTopLevelAndRunProperties() throws {
        let log = try log()
        XCTAssertEqual(log["$schema"] as? String, "https://json.schemastore.org/sarif-2.1.0.json")
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        let run = try run(log)
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
        let base = try XCTUnwrap((run["originalUriBaseIds"] as? [String: Any])?["SRCROOT"] as? [String: Any])
        XCTAssertEqual(base["uri"] as? String, "file:///src/linux%206.1/")
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "vringmigrate")
        XCTAssertEqual(driver["version"] as? String, "0.1.0")
        XCTAssertNil(driver["informationUri"])
    }

    func testEveryRuleIsListedWithItsDescriptions() throws {
        let driver = try XCTUnwrap(((try run(log()))["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.compactMap { $0["id"] as? String }, ReporterFixtures.rules.map(\.id).sorted())
        for rule in rules {
            XCTAssertNotNil(rule["name"] as? String)
            XCTAssertNotNil((rule["shortDescription"] as? [String: Any])?["text"] as? String)
            XCTAssertNotNil((rule["fullDescription"] as? [String: Any])?["text"] as? String)
            XCTAssertTrue(["error", "warning", "note"].contains((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String))
        }
        XCTAssertEqual(rules.first { $0["id"] as? String == "vring-new-virtqueue-args" }?["name"] as? String, "VringNewVirtqueueArgs")
    }

    func testResultsPointAtTheirRulesWithOneBasedRegions() throws {
        let run = try run(log())
        let rules = try XCTUnwrap((run["tool"] as? [String: Any]).flatMap { $0["driver"] as? [String: Any] }?["rules"] as? [[String: Any]])
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, ReporterFixtures.findings.count)
        for result in results {
            let ruleID = try XCTUnwrap(result["ruleId"] as? String)
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, ruleID)
            XCTAssertTrue(["error", "warning", "note"].contains(result["level"] as? String))
            XCTAssertFalse(((result["message"] as? [String: Any])?["text"] as? String ?? "").isEmpty)
            let physical = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
            let artifact = try XCTUnwrap(physical["artifactLocation"] as? [String: Any])
            XCTAssertEqual(artifact["uriBaseId"] as? String, "SRCROOT")
            let uri = try XCTUnwrap(artifact["uri"] as? String)
            XCTAssertFalse(uri.hasPrefix("/") || uri.contains(":"), uri)
            let region = try XCTUnwrap(physical["region"] as? [String: Int])
            for key in ["startLine", "startColumn", "endLine", "endColumn"] {
                XCTAssertGreaterThanOrEqual(region[key] ?? 0, 1, key)
            }
            XCTAssertNotNil((result["partialFingerprints"] as? [String: String])?["vringmigrateFingerprint/v1"])
        }
    }

    func testMultibytePathIsPercentEncodedAndColumnsCountCodePoints() throws {
        let results = try XCTUnwrap(try run(log([ReporterFixtures.multibyte]))["results"] as? [[String: Any]])
        let physical = try XCTUnwrap((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        XCTAssertEqual((physical["artifactLocation"] as? [String: Any])?["uri"] as? String, "drivers/misc/mic/v%C3%B6p/vop_main.c")
        XCTAssertEqual(physical["region"] as? [String: Int], ["startLine": 7, "startColumn": 17, "endLine": 7, "endColumn": 22])
        XCTAssertEqual(SARIFURI.reference(forRelativePath: "a b/c:d%#?.c"), "a%20b/c%3Ad%25%23%3F.c")
    }

    func testFixesGroupEditsByFile() throws {
        let results = try XCTUnwrap(try run(log([ReporterFixtures.prototype, ReporterFixtures.barrierKind]))["results"] as? [[String: Any]])
        let withFix = try XCTUnwrap(results.first { $0["ruleId"] as? String == "vring-new-virtqueue-args" })
        XCTAssertNil(results.first { $0["ruleId"] as? String == "virtio-barrier-kind" }?["fixes"])
        let fix = try XCTUnwrap((withFix["fixes"] as? [[String: Any]])?.first)
        XCTAssertNotNil((fix["description"] as? [String: Any])?["text"] as? String)
        let changes = try XCTUnwrap(fix["artifactChanges"] as? [[String: Any]])
        XCTAssertEqual(changes.compactMap { ($0["artifactLocation"] as? [String: Any])?["uri"] as? String },
                       ["include/linux/virtio_ring.h", "tools/virtio/linux/virtio.h"])
        let replacement = try XCTUnwrap((changes.first?["replacements"] as? [[String: Any]])?.first)
        XCTAssertEqual(replacement["deletedRegion"] as? [String: Int], ["byteOffset": 1_240, "byteLength": 0])
        XCTAssertEqual((replacement["insertedContent"] as? [String: String])?["text"], "bool weak_barriers,\n\t\t\t\t      ")
    }

    func testNonUTF8ReplacementGoesInBinary() throws {
        var finding = ReporterFixtures.callSite
        finding.fix = [SourceEdit(path: finding.path, range: ByteRange(start: 1, end: 3), replacement: [0xE9, 0x41])]
        let results = try XCTUnwrap(try run(log([finding]))["results"] as? [[String: Any]])
        let change = try XCTUnwrap(((results.first?["fixes"] as? [[String: Any]])?.first?["artifactChanges"] as? [[String: Any]])?.first)
        let replacement = try XCTUnwrap((change["replacements"] as? [[String: Any]])?.first)
        XCTAssertEqual(replacement["insertedContent"] as? [String: String], ["binary": Data([0xE9, 0x41]).base64EncodedString()])
        for length in 0..<8 {
            let bytes = (0..<length).map { UInt8(($0 * 37 + 200) & 0xFF) }
            XCTAssertEqual(SARIFBase64.encode(bytes), Data(bytes).base64EncodedString())
        }
    }

    func testUnknownRuleGetsAnEntryAndDuplicatesCollapse() throws {
        var stray = ReporterFixtures.barrierKind
        stray.ruleID = "not-described"
        let run = try run(log([stray], rules: ReporterFixtures.rules + [ReporterFixtures.rules[0]]))
        let rules = try XCTUnwrap((run["tool"] as? [String: Any]).flatMap { $0["driver"] as? [String: Any] }?["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.count, ReporterFixtures.rules.count + 1)
        let result = try XCTUnwrap((run["results"] as? [[String: Any]])?.first)
        XCTAssertEqual(rules[try XCTUnwrap(result["ruleIndex"] as? Int)]["id"] as? String, "not-described")
    }

    func testInformationURIAndEmptyResults() throws {
        let tool = ToolInfo(name: "vringmigrate", version: "1.2.3", informationURI: "https://example.org/vringmigrate")
        let run = try run(log([], tool: tool))
        XCTAssertEqual((run["results"] as? [Any])?.count, 0)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["informationUri"] as? String, "https://example.org/vringmigrate")
        XCTAssertEqual((driver["rules"] as? [Any])?.count, ReporterFixtures.rules.count)
    }

    func testOutputHasNoDuplicateKeysAndIsPrettyPrinted() throws {
        let text = SARIFReporter(tool: ReporterFixtures.tool).report(findings: ReporterFixtures.findings, rules: ReporterFixtures.rules)
        XCTAssertNoThrow(try JSONDocument(text: text))
        XCTAssertTrue(text.hasPrefix("{\n"))
        XCTAssertTrue(text.hasSuffix("}\n"))
        XCTAssertNil((try run(log()))["originalUriBaseIds"].flatMap { _ in nil as Int? })
        let noRoot = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let base = try XCTUnwrap(((noRoot["runs"] as? [[String: Any]])?.first?["originalUriBaseIds"] as? [String: Any])?["SRCROOT"] as? [String: Any])
        XCTAssertNil(base["uri"])
        XCTAssertNotNil(base["description"])
    }
}
