import Vring
import VringMigrateCore

/// A field of the shared split ring, as C code spells it: `….avail->idx`, `….used->ring[i]`,
/// `….desc[i].addr`, `vring_used_event(…)`. Private copies (`avail_idx_shadow`) and local
/// pointers (`used_ring->ring`) are not recognised, so they never pose as ring accesses.
enum RingField: String {
    case descriptor = "desc[]"
    case availRing = "avail->ring[]"
    case availIdx = "avail->idx"
    case availFlags = "avail->flags"
    case usedEvent = "used event"
    case availEvent = "avail event"
    case usedFlags = "used->flags"
    case usedIdx = "used->idx"
    case usedRing = "used->ring[]"

    /// The protocol access a load or a store of this field is (`Vring.RingAccess`).
    func access(isStore: Bool) -> RingAccess {
        switch self {
        case .descriptor, .availRing: return isStore ? .storeRingEntries : .loadAvailEntries
        case .availIdx: return isStore ? .storeAvailIdx : .loadAvailIdx
        case .availFlags, .usedEvent: return isStore ? .storeUsedEvent : .loadInterruptSuppression
        case .availEvent, .usedFlags: return isStore ? .storeAvailEvent : .loadNotifySuppression
        case .usedIdx: return isStore ? .storeUsedIdx : .loadUsedIdx
        case .usedRing: return isStore ? .storeUsedElem : .loadUsedElem
        }
    }
}

/// One spelled mention of a ring field and what the code does with it.
struct RingMention {
    enum Use { case load, store, addressTaken }

    var field: RingField
    var use: Use
    /// The whole member chain, `vq->vring.avail->idx`.
    var range: ByteRange
}

/// Finds ring-field mentions in a token stream.
enum RingMentionReader {
    static let assignments: Set<String> = ["=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "++", "--"]
    /// Macros whose first argument is stored to.
    static let storeMacros: Set<String> = ["WRITE_ONCE", "smp_store_release", "smp_store_mb", "virt_store_mb", "__smp_store_release"]

    /// The mention starting at token `index` (the `avail`, `used`, `desc` or event-macro name) and
    /// the index of the token after it.
    static func mention(in tokens: [CToken], at index: Int) -> (RingMention, next: Int)? {
        guard let (field, end) = field(in: tokens, at: index) else { return nil }
        let start = chainStart(tokens, index)
        let range = ByteRange(start: tokens[start].range.start, end: tokens[end - 1].range.end)
        return (RingMention(field: field, use: use(tokens, start: start, end: end), range: range), end)
    }

    private static func field(in tokens: [CToken], at index: Int) -> (RingField, Int)? {
        let token = tokens[index]
        guard token.kind == .identifier, index + 1 < tokens.count else { return nil }
        let isMember = index > 0 && (tokens[index - 1].is(".") || tokens[index - 1].is("->"))
        switch token.text {
        case "vring_used_event", "vring_avail_event":
            guard tokens[index + 1].is("("), let close = CTokenizer.closing(tokens, from: index + 1) else { return nil }
            return (token.text == "vring_used_event" ? .usedEvent : .availEvent, close + 1)
        case "desc" where isMember && tokens[index + 1].is("["):
            guard let close = CTokenizer.closing(tokens, from: index + 1) else { return nil }
            return (.descriptor, memberSuffixEnd(tokens, close + 1))
        case "avail", "used":
            guard isMember, tokens[index + 1].is("->"), index + 2 < tokens.count else { return nil }
            return member(of: token.text, tokens, at: index + 2)
        default:
            return nil
        }
    }

    private static func member(of ring: String, _ tokens: [CToken], at index: Int) -> (RingField, Int)? {
        switch tokens[index].text {
        case "idx": return (ring == "avail" ? .availIdx : .usedIdx, index + 1)
        case "flags": return (ring == "avail" ? .availFlags : .usedFlags, index + 1)
        case "ring" where index + 1 < tokens.count && tokens[index + 1].is("["):
            guard let close = CTokenizer.closing(tokens, from: index + 1) else { return nil }
            return (ring == "avail" ? .availRing : .usedRing, memberSuffixEnd(tokens, close + 1))
        default: return nil
        }
    }

    /// Past `.addr`, `.id`… after an element.
    private static func memberSuffixEnd(_ tokens: [CToken], _ index: Int) -> Int {
        var end = index
        while end + 1 < tokens.count, tokens[end].is("."), tokens[end + 1].kind == .identifier { end += 2 }
        return end
    }

    /// Back over `x->`, `a.b.`, `f(x)->`, `p[i].` to the start of the member chain.
    private static func chainStart(_ tokens: [CToken], _ index: Int) -> Int {
        var start = index
        while start >= 2, tokens[start - 1].is(".") || tokens[start - 1].is("->") {
            let operand = start - 2
            if tokens[operand].kind == .identifier {
                start = operand
            } else if tokens[operand].is(")") || tokens[operand].is("]"), let open = CTokenizer.opening(tokens, from: operand) {
                start = open > 0 && tokens[open - 1].kind == .identifier && tokens[operand].is(")") ? open - 1 : open
            } else {
                break
            }
        }
        return start
    }

    private static func use(_ tokens: [CToken], start: Int, end: Int) -> RingMention.Use {
        if end < tokens.count, assignments.contains(tokens[end].text), tokens[end].kind == .punctuator { return .store }
        guard start > 0 else { return .load }
        let before = tokens[start - 1]
        if before.is("++") || before.is("--") { return .store }
        if before.is("&") && (start < 2 || !tokens[start - 2].endsOperand) { return .addressTaken }
        if before.is("("), start >= 2, storeMacros.contains(tokens[start - 2].text), end < tokens.count, tokens[end].is(",") {
            return .store
        }
        return .load
    }
}
