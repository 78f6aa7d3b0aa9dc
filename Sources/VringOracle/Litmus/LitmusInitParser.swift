/// The initial-state block: `{ x=1; int y=2; int *p=x; p=&y; 0:r0=3; }`.
///
/// As in herd7, a location's name used as a value means its address.
enum LitmusInitParser {
    struct InitialState {
        var values: [String: LitmusValue] = [:]
        var registers: [Int: [String: LitmusValue]] = [:]
    }

    static func parse(_ cursor: inout LitmusCursor) throws(LitmusError) -> InitialState {
        var state = InitialState()
        try cursor.expect("{")
        while !cursor.accept("}") {
            if cursor.accept(";") { continue }
            try item(&cursor, into: &state)
        }
        return state
    }

    private static func item(_ cursor: inout LitmusCursor, into state: inout InitialState) throws(LitmusError) {
        if case .number(let thread) = cursor.peek?.kind {
            _ = cursor.advance()
            try cursor.expect(":")
            let register = try cursor.identifier()
            try cursor.expect("=")
            state.registers[thread, default: [:]][register] = try value(&cursor)
            return
        }
        // Skip type words and pointer stars: the name is the last identifier before '=' or ';'.
        var name = try cursor.identifier()
        while cursor.peek?.identifier != nil || cursor.peek?.symbol == "*" {
            if let next = cursor.advance()?.identifier { name = next }
        }
        state.values[name] = cursor.accept("=") ? try value(&cursor) : .integer(0)
        guard cursor.accept(";") || cursor.peek?.symbol == "}" else { throw cursor.error("expected ';'") }
    }

    static func value(_ cursor: inout LitmusCursor) throws(LitmusError) -> LitmusValue {
        let negative = cursor.accept("-")
        _ = cursor.accept("&")
        switch cursor.advance()?.kind {
        case .number(let number): return .integer(negative ? -number : number)
        case .identifier(let name) where !negative: return .address(name)
        default: throw cursor.error("expected a number or a location name")
        }
    }
}
