/// The `#if` nesting at a point of a file, as readable condition strings.
///
/// `#ifdef X` reads `defined(X)`, its `#else` reads `!defined(X)`, and an `#elif B` after `#if A`
/// reads `!(A) && (B)`, so every branch carries the full condition under which it is compiled.
struct ConditionStack {
    private struct Level {
        var taken: [String]  // conditions of earlier branches at this level
        var current: String
        var isIncludeGuard = false
    }

    private var levels: [Level] = []

    var current: [String] { levels.filter { !$0.isIncludeGuard }.map(\.current) }

    /// The innermost level is a header's include guard: it says nothing about configuration.
    mutating func markInnermostAsIncludeGuard() {
        guard !levels.isEmpty else { return }
        levels[levels.count - 1].isIncludeGuard = true
    }

    mutating func apply(_ directive: String, expression: String) {
        switch directive {
        case "if":
            levels.append(Level(taken: [expression], current: expression))
        case "ifdef":
            let condition = "defined(\(expression))"
            levels.append(Level(taken: [condition], current: condition))
        case "ifndef":
            let condition = "!defined(\(expression))"
            levels.append(Level(taken: [condition], current: condition))
        case "elif":
            guard var level = levels.popLast() else { return }
            level.current = (level.taken.map(Self.negate) + ["(\(expression))"]).joined(separator: " && ")
            level.taken.append(expression)
            levels.append(level)
        case "else":
            guard var level = levels.popLast() else { return }
            level.current = level.taken.map(Self.negate).joined(separator: " && ")
            levels.append(level)
        case "endif":
            _ = levels.popLast()
        default:
            break
        }
    }

    private static func negate(_ condition: String) -> String {
        if condition.hasPrefix("defined(") && condition.hasSuffix(")") && !condition.dropFirst(8).contains("(") {
            return "!" + condition
        }
        if condition.hasPrefix("!defined(") && !condition.dropFirst(9).contains("(") {
            return String(condition.dropFirst())
        }
        return "!(\(condition))"
    }
}
