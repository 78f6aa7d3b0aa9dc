/// The values each thread may store to each location, as far as the explorer has seen them
/// (see `Explorer` for the two ways it grows).
///
/// A load of a location returns the initial value or a value another thread stores there; once
/// the thread itself stored there, it returns that latest own value or another thread's (a read
/// cannot see an older value than its own thread's last store: coherence).
struct ValueDomain {
    private var stored: [Int: [Set<Int>]] = [:]
    let threadCount: Int

    init(threadCount: Int) { self.threadCount = threadCount }

    /// Adds every value the traces store; true when something was new.
    mutating func absorb(_ traces: [ThreadTrace], of thread: Int) -> Bool {
        var grew = false
        for trace in traces {
            for event in trace.events {
                guard case .write(let location, let value, _) = event.operation else { continue }
                var perThread = stored[location] ?? Array(repeating: [], count: threadCount)
                if perThread[thread].insert(value).inserted { grew = true }
                stored[location] = perThread
            }
        }
        return grew
    }

    func options(forReadOf location: Int, by thread: Int, latestOwnWrite: Int?, initial: Int) -> [Int] {
        var values: Set<Int> = [latestOwnWrite ?? initial]
        for (other, written) in (stored[location] ?? []).enumerated() where other != thread {
            values.formUnion(written)
        }
        return values.sorted()
    }
}

/// Chooses load values from a value domain, enumerating every combination.
final class DomainChooser: ReadChooser {
    var stack = ChoiceStack<Int>()
    private let domain: ValueDomain
    private let initialValue: (Int) -> Int

    init(domain: ValueDomain, initialValue: @escaping (Int) -> Int) {
        self.domain = domain
        self.initialValue = initialValue
    }

    func choose(readOf location: Int, ordering: AccessOrdering, in context: ThreadContext) -> ReadChoice? {
        let value = stack.choose {
            domain.options(
                forReadOf: location, by: context.threadIndex,
                latestOwnWrite: context.events.latestWrite(to: location)?.value,
                initial: initialValue(location))
        }
        return value.map { ReadChoice(value: $0, source: nil) }
    }
}

extension Array where Element == TraceEvent {
    /// The po-latest store to `location`, with its trace index.
    func latestWrite(to location: Int) -> (index: Int, value: Int)? {
        guard let index = lastIndex(where: { $0.isWrite && $0.location == location }) else { return nil }
        return (index, self[index].value ?? 0)
    }
}
