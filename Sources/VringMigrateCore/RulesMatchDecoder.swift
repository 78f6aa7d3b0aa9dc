/// The `match` object of a rule, and the object-reading helper the decoder shares.
extension RulesTableDecoder {
    func decodeMatch(_ member: JSONMember, ruleIndex: Int) throws(RulesTableError) -> TransportMatch {
        let place = "in \"match\" of rule \(ruleIndex)"
        let match = try RulesObjectReader(member.value, key: "match", place: "in rule \(ruleIndex)", decoder: self)
        try match.checkKeys(Self.matchKeys, place: place)
        guard match.members.contains(where: { Self.matchKeys.contains($0.key) }) else {
            throw failure(.missingKey, line: member.keyPosition.line, key: "match",
                          "\"match\" in rule \(ruleIndex) must list at least one of \"paths\", \"notify\", \"functions\"")
        }
        var result = TransportMatch()
        if let paths = match.optional("paths") {
            result.paths = try stringList(paths, place: place).map { (entry) throws(RulesTableError) -> Glob in
                do {
                    return try Glob(entry.text)
                } catch {
                    throw failure(.badGlob, line: entry.line, key: "paths",
                                  "entry \(entry.index) of \"paths\" \(place): \(error)")
                }
            }
        }
        if let notify = match.optional("notify") {
            result.notify = try identifierList(notify, place: place)
        }
        if let functions = match.optional("functions") {
            result.functions = try identifierList(functions, place: place)
        }
        return result
    }

    struct ListEntry {
        var text: String
        var index: Int
        var line: Int
    }

    /// A non-empty list of strings, each with its 1-based index and line.
    private func stringList(_ member: JSONMember, place: String) throws(RulesTableError) -> [ListEntry] {
        guard let elements = member.value.arrayValue, !elements.isEmpty else {
            let found = member.value.arrayValue == nil ? member.value.kindDescription : "an empty list"
            throw failure(.wrongType, line: member.value.position.line, key: member.key,
                          "\"\(member.key)\" \(place) must be a non-empty list of strings, found \(found)")
        }
        var entries: [ListEntry] = []
        for (offset, element) in elements.enumerated() {
            guard let text = element.stringValue else {
                throw failure(.wrongType, line: element.position.line, key: member.key,
                              "entry \(offset + 1) of \"\(member.key)\" \(place) must be a string, found \(element.kindDescription)")
            }
            entries.append(ListEntry(text: text, index: offset + 1, line: element.position.line))
        }
        return entries
    }

    /// Notify callbacks and function names are compared with C identifiers, so anything else
    /// (`vp_notify()`, a path) is a mistake that would never match.
    private func identifierList(_ member: JSONMember, place: String) throws(RulesTableError) -> [String] {
        try stringList(member, place: place).map { (entry) throws(RulesTableError) -> String in
            guard Self.isCIdentifier(entry.text) else {
                throw failure(.invalidValue, line: entry.line, key: member.key,
                              "entry \(entry.index) of \"\(member.key)\" \(place) must be a C identifier, found \"\(entry.text)\"")
            }
            return entry.text
        }
    }

    static func isCIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first == "_" || (first.isASCII && first.properties.isAlphabetic) else {
            return false
        }
        return text.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}

/// An object being decoded: its members, where it is, and how messages refer to it.
struct RulesObjectReader {
    let members: [JSONMember]
    let node: JSONNode
    let place: String
    let decoder: RulesTableDecoder

    /// `what` names the object when it is not an object at all ("rule 2 must be an object").
    init(_ node: JSONNode, place: String, what: String, decoder: RulesTableDecoder) throws(RulesTableError) {
        guard let members = node.objectMembers else {
            throw decoder.failure(.wrongType, line: node.position.line, key: nil,
                                  "\(what) must be an object, found \(node.kindDescription)")
        }
        self.members = members
        self.node = node
        self.place = place
        self.decoder = decoder
    }

    /// For an object that is the value of `key`.
    init(_ node: JSONNode, key: String, place: String, decoder: RulesTableDecoder) throws(RulesTableError) {
        guard node.objectMembers != nil else {
            throw decoder.failure(.wrongType, line: node.position.line, key: key,
                                  "\"\(key)\" \(place) must be an object, found \(node.kindDescription)")
        }
        try self.init(node, place: place, what: key, decoder: decoder)
    }

    func checkKeys(_ allowed: [String], place: String? = nil) throws(RulesTableError) {
        for member in members where !allowed.contains(member.key) {
            let hint = KeySuggestion.closest(to: member.key, among: allowed).map { "; did you mean \"\($0)\"?" }
                ?? "; expected one of " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            throw decoder.failure(.unknownKey, line: member.keyPosition.line, key: member.key,
                                  "unknown key \"\(member.key)\" \(place ?? self.place)\(hint)")
        }
    }

    func optional(_ key: String) -> JSONMember? {
        members.first { $0.key == key }
    }

    func required(_ key: String) throws(RulesTableError) -> JSONMember {
        guard let member = optional(key) else {
            throw decoder.failure(.missingKey, line: node.position.line, key: key, "missing key \"\(key)\" \(place)")
        }
        return member
    }
}
