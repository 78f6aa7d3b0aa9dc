import XCTest
@testable import VringMigrateCore

final class RulesTableTests: XCTestCase {
    /// The example from `RulesTable`'s doc comment, as the README shows it.
    static let schemaExample = """
    { "rules": [ { "transport": "virtio_pci",
                   "match": { "paths": ["drivers/virtio/virtio_pci*.c"], "notify": ["vp_notify"], "functions": ["setup_vq"] },
                   "weak_barriers": true, "peer": "smp-cpu",
                   "why": "the host is a hypervisor on another SMP CPU: SMP barriers suffice" } ] }
    """

    private func table(_ json: String) throws -> RulesTable {
        try RulesTable(json: Array(json.utf8), source: .file("rules.json"))
    }

    private func rule(_ transport: String, paths: [String], weak: Bool) -> String {
        """
        { "transport": "\(transport)", "match": { "paths": [\(paths.map { "\"\($0)\"" }.joined(separator: ", "))] },
          "weak_barriers": \(weak), "peer": "\(weak ? "smp-cpu" : "device")", "why": "because" }
        """
    }

    func testSchemaExampleMatchesOnlyWhenEveryListedKindMatches() throws {
        let rules = try table(Self.schemaExample)
        let site = CallSiteFacts(path: "drivers/virtio/virtio_pci.c", notify: "vp_notify", function: "setup_vq")
        guard case .value(true, let rule, let others) = rules.resolve(site) else {
            return XCTFail("expected true, got \(rules.resolve(site))")
        }
        XCTAssertEqual(rule.transport, "virtio_pci")
        XCTAssertEqual(others, [])
        XCTAssertEqual(rule.evidence(for: site)?.map(\.description), [
            "path drivers/virtio/virtio_pci.c matches \"drivers/virtio/virtio_pci*.c\"",
            "notify vp_notify matches \"vp_notify\"",
            "function setup_vq matches \"setup_vq\"",
        ])
        XCTAssertEqual(rules.resolve(CallSiteFacts(path: "drivers/virtio/virtio_pci.c", notify: nil, function: "setup_vq")), .noRule)
        XCTAssertEqual(rules.resolve(CallSiteFacts(path: "drivers/virtio/virtio_pci.c", notify: "other", function: "setup_vq")), .noRule)
        XCTAssertEqual(rules.resolve(CallSiteFacts(path: "drivers/virtio/virtio_mmio.c", notify: "vp_notify", function: "setup_vq")), .noRule)
    }

    func testAnyEntryWithinOneKindMatches() throws {
        let rules = try table("""
        { "rules": [ { "transport": "t", "match": { "notify": ["a_notify", "b_notify"] },
                       "weak_barriers": false, "peer": "device", "why": "because" } ] }
        """)
        XCTAssertEqual(rules.matches(CallSiteFacts(path: "any/where.c", notify: "b_notify")).map(\.transport), ["t"])
        XCTAssertEqual(rules.matches(CallSiteFacts(path: "any/where.c", notify: "c_notify")), [])
    }

    func testAgreeingRulesAreReportedAlongsideTheFirst() throws {
        let rules = try table("{ \"rules\": [\(rule("narrow", paths: ["drivers/x/a.c"], weak: true)), \(rule("broad", paths: ["drivers/**"], weak: true))] }")
        guard case .value(true, let first, let others) = rules.resolve(CallSiteFacts(path: "drivers/x/a.c")) else {
            return XCTFail("expected a value")
        }
        XCTAssertEqual(first.transport, "narrow")
        XCTAssertEqual(others.map(\.transport), ["broad"])
        XCTAssertEqual(first.index, 1)
        XCTAssertEqual(others.first?.index, 2)
    }

    func testDisagreeingRulesAreAConflict() throws {
        let rules = try table("{ \"rules\": [\(rule("guest", paths: ["drivers/x/*.c"], weak: true)), \(rule("remote", paths: ["drivers/x/a.c"], weak: false))] }")
        XCTAssertEqual(rules.resolve(CallSiteFacts(path: "drivers/x/a.c")).conflictTransports, ["guest", "remote"])
        XCTAssertEqual(rules.resolve(CallSiteFacts(path: "drivers/x/b.c")).valueFlag, true)
        XCTAssertEqual(rules.resolve(CallSiteFacts(path: "drivers/y/b.c")), .noRule)
    }

    func testEmptyRulesListResolvesNothing() throws {
        XCTAssertEqual(try table("{\"rules\": []}").resolve(CallSiteFacts(path: "a.c")), .noRule)
    }

    func testSourceNamesTheFileOrBuiltIn() throws {
        XCTAssertEqual(try table(Self.schemaExample).source, .file("rules.json"))
        XCTAssertEqual(RulesTable.builtIn.source, .builtIn)
        XCTAssertEqual(RulesTable.builtIn.source.description, "built-in")
    }

    func testLoadReadsAFileAndNamesAMissingOne() throws {
        let directory = try ExternalTool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("rules.json").path
        try Data(Self.schemaExample.utf8).write(to: URL(fileURLWithPath: path))
        let loaded = try RulesTable.load(path: path)
        XCTAssertEqual(loaded.source, .file(path))
        XCTAssertEqual(loaded.rules.count, 1)
        XCTAssertThrowsError(try RulesTable.load(path: directory.path + "/missing.json")) { error in
            XCTAssertEqual((error as? RulesTableError)?.kind, .unreadable)
            XCTAssertEqual("\(error)", "\(directory.path)/missing.json: cannot read the rules table: no such file")
        }
        XCTAssertThrowsError(try RulesTable.load(path: directory.path)) { error in
            XCTAssertEqual("\(error)", "\(directory.path): cannot read the rules table: it is a directory")
        }
    }

    func testRenderShowsEveryRuleWithItsReason() throws {
        let text = try table(Self.schemaExample).render()
        XCTAssertEqual(text, """
        Transport rules: rules.json (1 rule). A call site takes the value of the first rule whose criteria all match it.

        TRANSPORT   WEAK_BARRIERS  PEER     MATCH
        virtio_pci  true           smp-cpu  paths: drivers/virtio/virtio_pci*.c; notify: vp_notify; functions: setup_vq
                                            why: the host is a hypervisor on another SMP CPU: SMP barriers suffice

        """)
    }
}

extension Resolution {
    var conflictTransports: [String]? {
        if case .conflict(let rules) = self { return rules.map(\.transport) }
        return nil
    }

    var valueFlag: Bool? {
        if case .value(let flag, _, _) = self { return flag }
        return nil
    }
}
