import Vring

/// Thread definitions: `P0(int *x, int *y) { statements }`.
enum LitmusBodyParser {
    static let typeWords: Set<String> = [
        "int", "long", "unsigned", "signed", "short", "char", "intptr_t", "u32", "u64",
    ]

    static func parseThread(_ cursor: inout LitmusCursor, index: Int) throws(LitmusError) -> LitmusThread {
        let name = try cursor.identifier()
        guard name == "P\(index)" else { throw cursor.error("expected P\(index), threads are numbered from 0") }
        try cursor.expect("(")
        var parameters: [String] = []
        var last: String?
        while !cursor.accept(")") {
            guard let token = cursor.advance() else { throw cursor.error("unterminated parameter list") }
            if let word = token.identifier, !typeWords.contains(word) { last = word }
            if token.symbol == "," || cursor.peek?.symbol == ")" {
                if let parameter = last { parameters.append(parameter) }
                last = nil
            }
        }
        return LitmusThread(index: index, parameters: parameters, body: try block(&cursor))
    }

    static func block(_ cursor: inout LitmusCursor) throws(LitmusError) -> [LitmusStatement] {
        try cursor.expect("{")
        var statements: [LitmusStatement] = []
        while !cursor.accept("}") {
            guard !cursor.isAtEnd else { throw cursor.error("unterminated block") }
            statements += try statement(&cursor)
        }
        return statements
    }

    /// One statement; a declaration of several names gives several.
    static func statement(_ cursor: inout LitmusCursor) throws(LitmusError) -> [LitmusStatement] {
        if cursor.accept(";") { return [] }
        if cursor.peek?.symbol == "{" { return try block(&cursor) }
        guard let word = cursor.peek?.identifier else {
            if cursor.peek?.symbol == "*" { throw .refused("uses plain accesses (*p = ...); use WRITE_ONCE") }
            throw cursor.error("expected a statement")
        }
        if typeWords.contains(word) { return try declaration(&cursor) }
        if word == "if" { return [try conditional(&cursor)] }
        if let statements = try call(&cursor, word) { return statements }
        if cursor.peek(ahead: 1)?.symbol == "=" {
            _ = cursor.advance()
            _ = cursor.advance()
            let value = try LitmusExpressionParser.expression(&cursor)
            try cursor.expect(";")
            return [.assign(word, value)]
        }
        let value = try LitmusExpressionParser.expression(&cursor)
        try cursor.expect(";")
        return [.evaluate(value)]
    }

    private static func declaration(_ cursor: inout LitmusCursor) throws(LitmusError) -> [LitmusStatement] {
        while let word = cursor.peek?.identifier, typeWords.contains(word) { _ = cursor.advance() }
        var statements: [LitmusStatement] = []
        repeat {
            while cursor.accept("*") {}
            let name = try cursor.identifier()
            let initial = cursor.accept("=") ? try LitmusExpressionParser.expression(&cursor) : nil
            statements.append(.declare(name, initial))
        } while cursor.accept(",")
        try cursor.expect(";")
        return statements
    }

    private static func conditional(_ cursor: inout LitmusCursor) throws(LitmusError) -> LitmusStatement {
        try cursor.expect("if")
        try cursor.expect("(")
        let condition = try LitmusExpressionParser.expression(&cursor)
        try cursor.expect(")")
        let then = try statement(&cursor)
        let otherwise = cursor.accept("else") ? try statement(&cursor) : []
        return .conditional(condition, then: then, otherwise: otherwise)
    }

    /// Store and fence calls; nil when the statement is not one of them.
    private static func call(_ cursor: inout LitmusCursor, _ word: String) throws(LitmusError) -> [LitmusStatement]? {
        if let fence = LitmusSubset.fenceNames[word] {
            _ = cursor.advance()
            try cursor.expect("(")
            try cursor.expect(")")
            try cursor.expect(";")
            return [.fence(fence)]
        }
        let ordering: AccessOrdering
        switch word {
        case "WRITE_ONCE", "smp_store_mb": ordering = .once
        case "smp_store_release": ordering = .release
        default: return nil
        }
        _ = cursor.advance()
        try cursor.expect("(")
        let dereferenced = cursor.accept("*")
        guard dereferenced == (ordering == .once) else {
            throw cursor.error(ordering == .once ? "\(word) takes *location" : "\(word) takes a pointer")
        }
        let address = try LitmusExpressionParser.expression(&cursor)
        try cursor.expect(",")
        let value = try LitmusExpressionParser.expression(&cursor)
        try cursor.expect(")")
        try cursor.expect(";")
        let store = LitmusStatement.store(address: address, value: value, ordering: ordering)
        // smp_store_mb is a WRITE_ONCE followed by smp_mb (linux-kernel.def).
        return word == "smp_store_mb" ? [store, .fence(.smp_mb)] : [store]
    }
}

/// C expressions with the usual precedence, plus READ_ONCE and smp_load_acquire.
enum LitmusExpressionParser {
    /// Binary operators, loosest first.
    static let levels: [[String]] = [
        ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", ">", "<=", ">="], ["<<", ">>"],
        ["+", "-"], ["*", "/", "%"],
    ]

    static func expression(_ cursor: inout LitmusCursor) throws(LitmusError) -> LitmusExpression {
        try binary(&cursor, level: 0)
    }

    private static func binary(_ cursor: inout LitmusCursor, level: Int) throws(LitmusError) -> LitmusExpression {
        guard level < levels.count else { return try unary(&cursor) }
        var left = try binary(&cursor, level: level + 1)
        while let symbol = cursor.peek?.symbol, levels[level].contains(symbol) {
            _ = cursor.advance()
            left = .binary(symbol, left, try binary(&cursor, level: level + 1))
        }
        return left
    }

    private static func unary(_ cursor: inout LitmusCursor) throws(LitmusError) -> LitmusExpression {
        for symbol in ["-", "!", "~"] where cursor.accept(symbol) {
            return .unary(symbol, try unary(&cursor))
        }
        if cursor.peek?.symbol == "*" { throw .refused("uses plain accesses (*p); use READ_ONCE") }
        return try primary(&cursor)
    }

    private static func primary(_ cursor: inout LitmusCursor) throws(LitmusError) -> LitmusExpression {
        guard let token = cursor.advance() else { throw cursor.error("expected an expression") }
        switch token.kind {
        case .number(let value): return .constant(value)
        case .symbol("("):
            let inner = try expression(&cursor)
            try cursor.expect(")")
            return inner
        case .identifier("READ_ONCE"):
            try cursor.expect("(")
            try cursor.expect("*")
            return try loadArgument(&cursor, ordering: .once)
        case .identifier("smp_load_acquire"):
            try cursor.expect("(")
            return try loadArgument(&cursor, ordering: .acquire)
        case .identifier(let name):
            return .name(name)
        default:
            throw .syntax(line: token.line, "expected an expression, found '\(token.spelling)'")
        }
    }

    private static func loadArgument(_ cursor: inout LitmusCursor, ordering: AccessOrdering) throws(LitmusError)
        -> LitmusExpression
    {
        let address = try expression(&cursor)
        try cursor.expect(")")
        return .load(address: address, ordering: ordering)
    }
}
