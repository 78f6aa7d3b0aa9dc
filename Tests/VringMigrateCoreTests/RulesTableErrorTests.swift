import XCTest
@testable import VringMigrateCore

/// Every way a rules file can be wrong names the file, the line and the key.
final class RulesTableErrorTests: XCTestCase {
    private func failure(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> RulesTableError? {
        do {
            _ = try RulesTable(json: Array(json.utf8), source: .file("rules.json"))
            XCTFail("accepted: \(json)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    /// A valid two-rule table with `replace` substituted into the second rule.
    private func twoRules(second: String) -> String {
        """
        {
          "rules": [
            { "transport": "virtio_pci", "match": { "paths": ["drivers/virtio/virtio_pci*.c"] },
              "weak_barriers": true, "peer": "smp-cpu", "why": "hypervisor" },
            { "transport": "rpmsg",
              "match": { "paths": ["drivers/rpmsg/**"] },
        \(second)
            }
          ]
        }
        """
    }

    func testUnknownKeySuggestsTheClosestOne() {
        let error = failure(twoRules(second: "      \"wek_barriers\": false, \"peer\": \"device\", \"why\": \"remote\""))
        XCTAssertEqual(error?.description, "rules.json:7: unknown key \"wek_barriers\" in rule 2; did you mean \"weak_barriers\"?")
        XCTAssertEqual(error?.kind, .unknownKey)
        XCTAssertEqual(error?.key, "wek_barriers")
    }

    func testUnknownKeyWithoutCloseMatchListsTheAllowedOnes() {
        let error = failure(twoRules(second: "      \"weak_barriers\": false, \"peer\": \"device\", \"why\": \"remote\", \"colour\": 1"))
        XCTAssertEqual(error?.description, "rules.json:7: unknown key \"colour\" in rule 2; expected one of \"transport\", \"match\", \"weak_barriers\", \"peer\", \"why\"")
    }

    func testUnknownKeysInMatchAndAtTheTop() {
        XCTAssertEqual(failure(#"{"rules": [{"transport": "t", "match": {"path": ["a.c"]}, "weak_barriers": true, "peer": "smp-cpu", "why": "w"}]}"#)?.description,
                       "rules.json:1: unknown key \"path\" in \"match\" of rule 1; did you mean \"paths\"?")
        XCTAssertEqual(failure("{\"rules\": [],\n \"Rules\": []}")?.description,
                       "rules.json:2: unknown key \"Rules\" at the top level; did you mean \"rules\"?")
        XCTAssertEqual(failure(#"{"rules": [{"transport": "t", "match": {"paths": ["a.c"]}, "weakBarriers": true, "peer": "smp-cpu", "why": "w"}]}"#)?.description,
                       "rules.json:1: unknown key \"weakBarriers\" in rule 1; did you mean \"weak_barriers\"?")
    }

    func testMissingKeysNameTheRuleAndItsLine() {
        let error = failure(twoRules(second: "      \"weak_barriers\": false, \"why\": \"remote\""))
        XCTAssertEqual(error?.description, "rules.json:5: missing key \"peer\" in rule 2")
        XCTAssertEqual(error?.kind, .missingKey)
        XCTAssertEqual(failure("{}")?.description, "rules.json:1: missing key \"rules\" at the top level")
        XCTAssertEqual(failure(#"{"rules": [{"transport": "t", "match": {}, "weak_barriers": true, "peer": "smp-cpu", "why": "w"}]}"#)?.description,
                       "rules.json:1: \"match\" in rule 1 must list at least one of \"paths\", \"notify\", \"functions\"")
    }

    func testWrongTypes() {
        XCTAssertEqual(failure(twoRules(second: "      \"weak_barriers\": \"false\", \"peer\": \"device\", \"why\": \"remote\""))?.description,
                       "rules.json:7: \"weak_barriers\" in rule 2 must be true or false, found a string")
        XCTAssertEqual(failure("[]")?.description, "rules.json:1: the rules table must be an object, found a list")
        XCTAssertEqual(failure(#"{"rules": {}}"#)?.description, "rules.json:1: \"rules\" at the top level must be a list of rules, found an object")
        XCTAssertEqual(failure(#"{"rules": ["virtio_pci"]}"#)?.description, "rules.json:1: rule 1 must be an object, found a string")
        XCTAssertEqual(failure(#"{"rules": [{"transport": "t", "match": ["a.c"], "weak_barriers": true, "peer": "smp-cpu", "why": "w"}]}"#)?.description,
                       "rules.json:1: \"match\" in rule 1 must be an object, found a list")
        XCTAssertEqual(failure(#"{"rules": [{"transport": 3, "match": {"paths": ["a.c"]}, "weak_barriers": true, "peer": "smp-cpu", "why": "w"}]}"#)?.kind, .wrongType)
    }

    func testListsMustBeNonEmptyListsOfStrings() {
        let base = #"{"rules": [{"transport": "t", "match": {"paths": PATHS}, "weak_barriers": true, "peer": "smp-cpu", "why": "w"}]}"#
        XCTAssertEqual(failure(base.replacingOccurrences(of: "PATHS", with: "[]"))?.description,
                       "rules.json:1: \"paths\" in \"match\" of rule 1 must be a non-empty list of strings, found an empty list")
        XCTAssertEqual(failure(base.replacingOccurrences(of: "PATHS", with: "\"a.c\""))?.description,
                       "rules.json:1: \"paths\" in \"match\" of rule 1 must be a non-empty list of strings, found a string")
        XCTAssertEqual(failure(base.replacingOccurrences(of: "PATHS", with: "[\"a.c\",\n 7]"))?.description,
                       "rules.json:2: entry 2 of \"paths\" in \"match\" of rule 1 must be a string, found a number")
    }

    func testBadGlobNamesTheEntryAndItsLine() {
        let error = failure("{\"rules\": [{\"transport\": \"t\", \"match\": {\"paths\": [\"a.c\",\n  \"drivers/[virtio/*.c\"]},\n \"weak_barriers\": true, \"peer\": \"smp-cpu\", \"why\": \"w\"}]}")
        XCTAssertEqual(error?.kind, .badGlob)
        XCTAssertEqual(error?.description,
                       "rules.json:2: entry 2 of \"paths\" in \"match\" of rule 1: glob \"drivers/[virtio/*.c\" has a '[' at character 9 that is never closed")
    }

    func testNamesMustBeCIdentifiers() {
        let error = failure(#"{"rules": [{"transport": "t", "match": {"notify": ["vp_notify()"]}, "weak_barriers": true, "peer": "smp-cpu", "why": "w"}]}"#)
        XCTAssertEqual(error?.description, "rules.json:1: entry 1 of \"notify\" in \"match\" of rule 1 must be a C identifier, found \"vp_notify()\"")
        XCTAssertTrue(RulesTableDecoder.isCIdentifier("_vp_notify2"))
        XCTAssertFalse(RulesTableDecoder.isCIdentifier("2vp"))
        XCTAssertFalse(RulesTableDecoder.isCIdentifier("vé"))
    }

    func testPeerMustBeKnownAndAgreeWithWeakBarriers() {
        XCTAssertEqual(failure(twoRules(second: "      \"weak_barriers\": false, \"peer\": \"devise\", \"why\": \"remote\""))?.description,
                       "rules.json:7: \"peer\" in rule 2 must be \"smp-cpu\" or \"device\", found \"devise\"; did you mean \"device\"?")
        let device = failure(twoRules(second: "      \"weak_barriers\": true, \"peer\": \"device\", \"why\": \"remote\""))
        XCTAssertEqual(device?.kind, .inconsistentPeer)
        XCTAssertEqual(device?.description,
                       "rules.json:7: rule 2 (\"rpmsg\") says \"weak_barriers\": true but \"peer\": \"device\"; a device outside the SMP coherence domain needs mandatory barriers, so \"weak_barriers\" must be false")
        XCTAssertEqual(failure(twoRules(second: "      \"weak_barriers\": false, \"peer\": \"smp-cpu\", \"why\": \"remote\""))?.kind, .inconsistentPeer)
    }

    func testEmptyStringsAndDuplicateTransports() {
        XCTAssertEqual(failure(twoRules(second: "      \"weak_barriers\": false, \"peer\": \"device\", \"why\": \"  \""))?.description,
                       "rules.json:7: \"why\" in rule 2 must not be empty")
        let duplicate = twoRules(second: "      \"weak_barriers\": false, \"peer\": \"device\", \"why\": \"remote\"")
            .replacingOccurrences(of: "\"rpmsg\"", with: "\"virtio_pci\"")
        XCTAssertEqual(failure(duplicate)?.description,
                       "rules.json:5: duplicate transport \"virtio_pci\" in rule 2 (already used by rule 1 at line 3)")
    }

    func testMalformedJSONGivesLineAndColumn() {
        let error = failure("{\n  \"rules\": [\n  ],\n}")
        XCTAssertEqual(error?.kind, .syntax)
        XCTAssertEqual(error?.description, "rules.json:3: invalid JSON at column 4: trailing comma before '}'")
        XCTAssertEqual(failure("{\"rules\": [], \"rules\": []}")?.description,
                       "rules.json:1: invalid JSON at column 15: duplicate key \"rules\" (first at line 1, column 2)")
    }

    func testSuggestionDistance() {
        XCTAssertEqual(KeySuggestion.closest(to: "wek_barriers", among: RulesTableDecoder.ruleKeys), "weak_barriers")
        XCTAssertEqual(KeySuggestion.closest(to: "TRANSPORT", among: RulesTableDecoder.ruleKeys), "transport")
        XCTAssertNil(KeySuggestion.closest(to: "xy", among: ["ab"]))
        XCTAssertEqual(KeySuggestion.distance(Array("kitten"), Array("sitting")), 3)
    }
}
