/// The part after the threads: optional `locations [...]`, optional `filter P`, then
/// `exists P`, `~exists P` or `forall P`, where P joins `N:reg=v` and `x=v` atoms with
/// `/\`, `\/`, `~` and parentheses.
enum LitmusConditionParser {
    static func parseFinal(_ cursor: inout LitmusCursor) throws(LitmusError) -> (LitmusProposition?, LitmusCondition) {
        var filter: LitmusProposition?
        while true {
            if cursor.accept("locations") {
                while let token = cursor.advance(), token.symbol != "]" {}
            } else if cursor.accept("filter") {
                filter = try disjunction(&cursor)
            } else {
                break
            }
        }
        let quantifier: LitmusCondition.Quantifier
        if cursor.accept("~") {
            try cursor.expect("exists")
            quantifier = .notExists
        } else if cursor.accept("exists") {
            quantifier = .exists
        } else if cursor.accept("forall") {
            quantifier = .forall
        } else {
            throw cursor.error("expected exists, ~exists or forall")
        }
        let proposition = try disjunction(&cursor)
        guard cursor.isAtEnd else { throw cursor.error("unexpected text after the condition") }
        return (filter, LitmusCondition(quantifier: quantifier, proposition: proposition))
    }

    private static func disjunction(_ cursor: inout LitmusCursor) throws(LitmusError) -> LitmusProposition {
        var left = try conjunction(&cursor)
        while cursor.accept("\\/") { left = .or(left, try conjunction(&cursor)) }
        return left
    }

    private static func conjunction(_ cursor: inout LitmusCursor) throws(LitmusError) -> LitmusProposition {
        var left = try negation(&cursor)
        while cursor.accept("/\\") { left = .and(left, try negation(&cursor)) }
        return left
    }

    private static func negation(_ cursor: inout LitmusCursor) throws(LitmusError) -> LitmusProposition {
        if cursor.accept("~") || cursor.accept("not") { return .not(try negation(&cursor)) }
        if cursor.accept("(") {
            let inner = try disjunction(&cursor)
            try cursor.expect(")")
            return inner
        }
        if cursor.accept("true") { return .constant(true) }
        if cursor.accept("false") { return .constant(false) }
        return try atom(&cursor)
    }

    private static func atom(_ cursor: inout LitmusCursor) throws(LitmusError) -> LitmusProposition {
        var thread: Int?
        if case .number(let number) = cursor.peek?.kind {
            _ = cursor.advance()
            try cursor.expect(":")
            thread = number
        }
        let name = try cursor.identifier()
        guard cursor.accept("=") || cursor.accept("==") else { throw cursor.error("expected '='") }
        return .equals(thread: thread, name: name, value: try LitmusInitParser.value(&cursor))
    }
}
