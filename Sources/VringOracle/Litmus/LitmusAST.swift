import Vring

/// A parsed C litmus test of the supported subset.
public struct LitmusTest: Sendable {
    public let name: String
    /// The verdict the test's own comment announces ("Result: Never"), when it has one.
    public let declaredResult: LitmusVerdict?
    /// Shared locations in first-mention order, with their initial values.
    let locations: [String]
    let initialValues: [String: LitmusValue]
    let registerInitialValues: [Int: [String: LitmusValue]]
    let threads: [LitmusThread]
    let filter: LitmusProposition?
    let condition: LitmusCondition
}

/// An initial or final value: an integer, or the address of a shared location.
enum LitmusValue: Hashable, Sendable {
    case integer(Int)
    case address(String)
}

struct LitmusThread: Sendable {
    let index: Int
    /// Parameter name → the shared location it points to (the same name in the kernel's tests).
    let parameters: [String]
    let body: [LitmusStatement]
}

indirect enum LitmusStatement: Sendable {
    case declare(String, LitmusExpression?)
    case assign(String, LitmusExpression)
    /// WRITE_ONCE(*address, value) or smp_store_release(address, value).
    case store(address: LitmusExpression, value: LitmusExpression, ordering: AccessOrdering)
    case fence(FencePrimitive)
    /// A statement that is only an expression, such as a READ_ONCE whose value is unused.
    case evaluate(LitmusExpression)
    case conditional(LitmusExpression, then: [LitmusStatement], otherwise: [LitmusStatement])
}

indirect enum LitmusExpression: Sendable {
    case constant(Int)
    /// A register, or a parameter (which denotes the address of its location).
    case name(String)
    /// READ_ONCE(*address) or smp_load_acquire(address).
    case load(address: LitmusExpression, ordering: AccessOrdering)
    case unary(String, LitmusExpression)
    case binary(String, LitmusExpression, LitmusExpression)
}

/// The final condition: `exists P`, `~exists P` or `forall P`.
struct LitmusCondition: Sendable {
    enum Quantifier: String, Sendable {
        case exists
        case notExists = "~exists"
        case forall
    }
    let quantifier: Quantifier
    let proposition: LitmusProposition
}

indirect enum LitmusProposition: Sendable {
    case constant(Bool)
    /// `N:reg=value` (thread given) or `location=value` (thread nil).
    case equals(thread: Int?, name: String, value: LitmusValue)
    case not(LitmusProposition)
    case and(LitmusProposition, LitmusProposition)
    case or(LitmusProposition, LitmusProposition)
}

/// herd7's three verdicts: how many allowed executions satisfy the condition's proposition.
public enum LitmusVerdict: String, Sendable, Equatable {
    case never = "Never"
    case sometimes = "Sometimes"
    case always = "Always"
}

public enum LitmusError: Error, Equatable, Sendable, CustomStringConvertible {
    case syntax(line: Int, String)
    /// The test is valid but outside what the oracle models; the message says what it uses.
    case refused(String)

    public var description: String {
        switch self {
        case .syntax(let line, let message): return "line \(line): \(message)"
        case .refused(let reason): return "refused: \(reason)"
        }
    }
}
