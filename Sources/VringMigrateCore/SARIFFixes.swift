/// SARIF `fixes` and URIs.
enum SARIFFixes {
    /// One fix per finding: its edits grouped by file (files sorted), each file's replacements in
    /// file order.
    static func fix(for finding: Finding) -> [String: Any] {
        let byPath = Dictionary(grouping: finding.fix, by: \.path)
        let changes = byPath.keys.sorted().map { path -> [String: Any] in
            [
                "artifactLocation": SARIFReporter.artifactLocation(path),
                "replacements": (byPath[path] ?? []).sorted(by: editOrder).map(replacement),
            ]
        }
        return [
            "description": ["text": "Apply the \(finding.ruleID) fix: \(firstLine(of: finding.message))"],
            "artifactChanges": changes,
        ]
    }

    /// Valid UTF-8 goes in `text`; anything else in `binary` (base64), as SARIF's
    /// `artifactContent` allows, so no byte of a replacement is lost.
    private static func replacement(_ edit: SourceEdit) -> [String: Any] {
        let content: [String: Any]
        if let text = String(validating: edit.replacement, as: UTF8.self) {
            content = ["text": text]
        } else {
            content = ["binary": SARIFBase64.encode(edit.replacement)]
        }
        return [
            "deletedRegion": ["byteOffset": edit.range.start, "byteLength": edit.range.count],
            "insertedContent": content,
        ]
    }

    static func editOrder(_ lhs: SourceEdit, _ rhs: SourceEdit) -> Bool {
        (lhs.path, lhs.range.start, lhs.range.end) < (rhs.path, rhs.range.start, rhs.range.end)
    }

    private static func firstLine(of text: String) -> String {
        String(text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}

/// Percent-encoding for SARIF URIs: every byte outside RFC 3986's unreserved set and `/` is
/// encoded, which is always a valid URI reference (a `:` in the first segment can never be read
/// as a scheme, and `%`, `#`, `?` and spaces stay data).
enum SARIFURI {
    static func reference(forRelativePath path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            if isUnreserved(byte) || byte == UInt8(ascii: "/") {
                result.append(Character(Unicode.Scalar(byte)))
            } else {
                result += "%" + hexByte(byte)
            }
        }
        return result
    }

    /// `file:///abs/path/` with a trailing slash, so relative references resolve inside it.
    static func directoryURI(forAbsolutePath path: String) -> String {
        let encoded = reference(forRelativePath: path)
        let absolute = encoded.hasPrefix("/") ? encoded : "/" + encoded
        return "file://" + absolute + (absolute.hasSuffix("/") ? "" : "/")
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}

/// Standard base64 (RFC 4648 with padding), without Foundation.
enum SARIFBase64 {
    static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let value = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * $1.offset) }
            for position in 0..<4 {
                output.append(position <= chunk.count ? alphabet[Int((value >> (18 - 6 * position)) & 0x3F)] : "=")
            }
            index += 3
        }
        return output
    }
}
