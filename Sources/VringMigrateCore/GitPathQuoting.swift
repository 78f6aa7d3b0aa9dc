/// Quotes a path the way git's `quote_c_style` does with the default `core.quotePath`: a name
/// holding a control character, `"`, `\`, DEL or any byte of 0x80 and above is wrapped in double
/// quotes with those bytes escaped (octal for the unnamed ones); any other name is left alone.
enum GitPathQuoting {
    static func quoted(_ path: String) -> String {
        let bytes = Array(path.utf8)
        guard bytes.contains(where: needsQuoting) else { return path }
        var result = "\""
        for byte in bytes {
            result += escape(byte)
        }
        return result + "\""
    }

    private static func needsQuoting(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte >= 0x7F
    }

    private static func escape(_ byte: UInt8) -> String {
        switch byte {
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x22: return "\\\""
        case 0x5C: return "\\\\"
        default:
            guard needsQuoting(byte) else { return String(UnicodeScalar(byte)) }
            let octal = String(byte, radix: 8)
            return "\\" + String(repeating: "0", count: 3 - octal.count) + octal
        }
    }
}
