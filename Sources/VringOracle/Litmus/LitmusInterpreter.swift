/// Runs one litmus thread's statements against a `ThreadContext`, tracking which reads every
/// value depends on so address, data and control dependencies become trace relations.
///
/// Shared locations are numbered by their position in `LitmusTest.locations`; the address of
/// location k is the integer `addressBase + k`, far from any value a test stores.
struct LitmusInterpreter {
    static let addressBase = 1 << 40

    /// A value and the trace indices of the reads it was computed from.
    struct Tainted {
        var value: Int
        var reads: [Int] = []
    }

    let test: LitmusTest
    let context: ThreadContext
    private var registers: [String: Tainted] = [:]

    init(test: LitmusTest, thread: LitmusThread, context: ThreadContext) {
        self.test = test
        self.context = context
        for parameter in thread.parameters {
            registers[parameter] = Tainted(value: Self.address(of: parameter, in: test) ?? 0)
        }
        for (name, value) in test.registerInitialValues[thread.index] ?? [:] {
            registers[name] = Tainted(value: Self.encode(value, in: test))
        }
    }

    static func address(of location: String, in test: LitmusTest) -> Int? {
        test.locations.firstIndex(of: location).map { addressBase + $0 }
    }

    static func encode(_ value: LitmusValue, in test: LitmusTest) -> Int {
        switch value {
        case .integer(let number): return number
        case .address(let name): return address(of: name, in: test) ?? -1
        }
    }

    /// Runs the body and reports every register as an observation.
    mutating func run(_ body: [LitmusStatement]) {
        execute(body)
        for (name, register) in registers { context.observe(name, register.value) }
    }

    private mutating func execute(_ statements: [LitmusStatement]) {
        for statement in statements where !context.isAbandoned { execute(statement) }
    }

    private mutating func execute(_ statement: LitmusStatement) {
        switch statement {
        case .declare(let name, let initial):
            registers[name] = initial.map { evaluate($0) } ?? Tainted(value: 0)
        case .assign(let name, let value):
            registers[name] = evaluate(value)
        case .store(let addressExpression, let valueExpression, let ordering):
            let address = evaluate(addressExpression)
            let value = evaluate(valueExpression)
            guard let location = location(at: address.value) else { return }
            context.store(
                location, value: value.value, ordering: ordering, addressDependencies: address.reads,
                dataDependencies: value.reads)
        case .fence(let primitive):
            context.fence(ExecutedFence(primitives: [primitive]))
        case .evaluate(let expression):
            _ = evaluate(expression)
        case .conditional(let condition, let then, let otherwise):
            let decision = evaluate(condition)
            context.withControlDependency(on: decision.reads) {
                execute(decision.value != 0 ? then : otherwise)
            }
        }
    }

    private func location(at address: Int) -> Int? {
        let index = address - Self.addressBase
        guard test.locations.indices.contains(index) else {
            context.abandon()
            return nil
        }
        return index
    }

    private mutating func evaluate(_ expression: LitmusExpression) -> Tainted {
        switch expression {
        case .constant(let value):
            return Tainted(value: value)
        case .name(let name):
            return registers[name] ?? Tainted(value: Self.address(of: name, in: test) ?? 0)
        case .load(let addressExpression, let ordering):
            let address = evaluate(addressExpression)
            guard let location = location(at: address.value) else { return Tainted(value: 0) }
            let read = context.load(
                location, ordering: ordering, addressDependencies: address.reads)
            return Tainted(value: read.value, reads: [read.event])
        case .unary(let symbol, let operand):
            let value = evaluate(operand)
            return Tainted(value: LitmusArithmetic.unary(symbol, value.value), reads: value.reads)
        case .binary(let symbol, let left, let right):
            let lhs = evaluate(left)
            // && and || skip their right side as in C, so a load there may not happen.
            if (symbol == "&&" && lhs.value == 0) || (symbol == "||" && lhs.value != 0) {
                return Tainted(value: symbol == "||" ? 1 : 0, reads: lhs.reads)
            }
            let rhs = evaluate(right)
            guard let result = LitmusArithmetic.binary(symbol, lhs.value, rhs.value) else {
                context.abandon()
                return Tainted(value: 0)
            }
            return Tainted(value: result, reads: Array(Set(lhs.reads + rhs.reads)).sorted())
        }
    }
}

/// C integer arithmetic on `Int`, wrapping like two's complement hardware.
enum LitmusArithmetic {
    static func unary(_ symbol: String, _ value: Int) -> Int {
        switch symbol {
        case "-": return 0 &- value
        case "!": return value == 0 ? 1 : 0
        default: return ~value
        }
    }

    /// Nil for a division by zero or an out-of-range shift.
    static func binary(_ symbol: String, _ lhs: Int, _ rhs: Int) -> Int? {
        switch symbol {
        case "+": return lhs &+ rhs
        case "-": return lhs &- rhs
        case "*": return lhs &* rhs
        case "/": return rhs == 0 ? nil : lhs / rhs
        case "%": return rhs == 0 ? nil : lhs % rhs
        case "<<": return (0..<64).contains(rhs) ? lhs << rhs : nil
        case ">>": return (0..<64).contains(rhs) ? lhs >> rhs : nil
        case "&": return lhs & rhs
        case "|": return lhs | rhs
        case "^": return lhs ^ rhs
        case "&&": return lhs != 0 && rhs != 0 ? 1 : 0
        case "||": return lhs != 0 || rhs != 0 ? 1 : 0
        case "==": return lhs == rhs ? 1 : 0
        case "!=": return lhs != rhs ? 1 : 0
        case "<": return lhs < rhs ? 1 : 0
        case ">": return lhs > rhs ? 1 : 0
        case "<=": return lhs <= rhs ? 1 : 0
        default: return lhs >= rhs ? 1 : 0
        }
    }
}
