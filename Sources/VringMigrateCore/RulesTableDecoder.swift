import Foundation

/// Checks a parsed rules table against the schema in `RulesTable`'s doc comment and builds its
/// rules. Every rejection names the file, the line and the key; unknown keys are checked before
/// missing ones so a typo is reported as a typo.
struct RulesTableDecoder {
    let file: String

    static let topLevelKeys = ["rules"]
    static let ruleKeys = ["transport", "match", "weak_barriers", "peer", "why"]
    static let matchKeys = ["paths", "notify", "functions"]

    func read(path: String) throws(RulesTableError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw failure(.unreadable, line: nil, key: nil, "cannot read the rules table: no such file")
        }
        guard !isDirectory.boolValue else {
            throw failure(.unreadable, line: nil, key: nil, "cannot read the rules table: it is a directory")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw failure(.unreadable, line: nil, key: nil, "cannot read the rules table: permission denied or I/O error")
        }
        return Array(data)
    }

    func decode(_ bytes: [UInt8]) throws(RulesTableError) -> [TransportRule] {
        let root: JSONNode
        do {
            root = try JSONDocument(bytes: bytes).root
        } catch {
            throw failure(.syntax, line: error.position.line, key: nil,
                          "invalid JSON at column \(error.position.column): \(error.message)")
        }
        let table = try RulesObjectReader(root, place: "at the top level", what: "the rules table", decoder: self)
        try table.checkKeys(Self.topLevelKeys)
        let list = try table.required("rules")
        guard let elements = list.value.arrayValue else {
            throw wrongType(list, expected: "a list of rules", place: "at the top level")
        }
        var rules: [TransportRule] = []
        var firstByTransport: [String: TransportRule] = [:]
        for (offset, element) in elements.enumerated() {
            let rule = try decodeRule(element, index: offset + 1)
            if let first = firstByTransport[rule.transport] {
                throw failure(.duplicateTransport, line: rule.line, key: "transport",
                              "duplicate transport \"\(rule.transport)\" in rule \(rule.index) (already used by rule \(first.index) at line \(first.line))")
            }
            firstByTransport[rule.transport] = rule
            rules.append(rule)
        }
        return rules
    }

    private func decodeRule(_ node: JSONNode, index: Int) throws(RulesTableError) -> TransportRule {
        let place = "in rule \(index)"
        let rule = try RulesObjectReader(node, place: place, what: "rule \(index)", decoder: self)
        try rule.checkKeys(Self.ruleKeys)
        for key in Self.ruleKeys { _ = try rule.required(key) }
        let transport = try nonEmptyString(try rule.required("transport"), place: place)
        let match = try decodeMatch(try rule.required("match"), ruleIndex: index)
        let weakMember = try rule.required("weak_barriers")
        guard let weakBarriers = weakMember.value.boolValue else {
            throw wrongType(weakMember, expected: "true or false", place: place)
        }
        let peer = try decodePeer(try rule.required("peer"), place: place)
        guard weakBarriers == peer.weakBarriers else {
            throw inconsistent(weakMember, weakBarriers: weakBarriers, peer: peer, index: index, transport: transport)
        }
        let why = try nonEmptyString(try rule.required("why"), place: place)
        return TransportRule(transport: transport, match: match, weakBarriers: weakBarriers, peer: peer,
                             why: why, index: index, line: node.position.line)
    }

    private func decodePeer(_ member: JSONMember, place: String) throws(RulesTableError) -> PeerKind {
        guard let text = member.value.stringValue else {
            throw wrongType(member, expected: "\"smp-cpu\" or \"device\"", place: place)
        }
        guard let peer = PeerKind(rawValue: text) else {
            let hint = KeySuggestion.closest(to: text, among: PeerKind.allCases.map(\.rawValue)).map { "; did you mean \"\($0)\"?" } ?? ""
            throw failure(.invalidValue, line: member.value.position.line, key: member.key,
                          "\"peer\" \(place) must be \"smp-cpu\" or \"device\", found \"\(text)\"\(hint)")
        }
        return peer
    }

    private func inconsistent(
        _ member: JSONMember, weakBarriers: Bool, peer: PeerKind, index: Int, transport: String
    ) -> RulesTableError {
        let reason = peer == .device
            ? "a device outside the SMP coherence domain needs mandatory barriers"
            : "a CPU in the same SMP coherence domain needs only SMP barriers"
        return failure(.inconsistentPeer, line: member.keyPosition.line, key: member.key,
                       "rule \(index) (\"\(transport)\") says \"weak_barriers\": \(weakBarriers) but \"peer\": \"\(peer.rawValue)\"; \(reason), so \"weak_barriers\" must be \(peer.weakBarriers)")
    }

    func nonEmptyString(_ member: JSONMember, place: String) throws(RulesTableError) -> String {
        guard let text = member.value.stringValue else { throw wrongType(member, expected: "a string", place: place) }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw failure(.invalidValue, line: member.value.position.line, key: member.key,
                          "\"\(member.key)\" \(place) must not be empty")
        }
        return text
    }

    func wrongType(_ member: JSONMember, expected: String, place: String) -> RulesTableError {
        failure(.wrongType, line: member.value.position.line, key: member.key,
                "\"\(member.key)\" \(place) must be \(expected), found \(member.value.kindDescription)")
    }

    func failure(_ kind: RulesTableError.Kind, line: Int?, key: String?, _ message: String) -> RulesTableError {
        RulesTableError(kind: kind, file: file, line: line, key: key, message: message)
    }
}
