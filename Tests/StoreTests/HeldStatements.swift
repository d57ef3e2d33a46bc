import JCSkillsStore
import Synchronization

/// Statements "run" by a test of the read-sharing mechanisms (``SharedReads``, ``KeyedReads``):
/// each is held until the test finishes it, or its task is cancelled (so that a failing test
/// ends instead of waiting for ever). `answer` gives a finished statement's rows from its values.
final class HeldStatements: Sendable {
    private struct Held {
        let id: Int
        let sql: String
        let values: [StoreValue]
        let finish: CheckedContinuation<[StoreRow], any Error>
    }
    private let held = Mutex<[Held]>([])
    private let started = Atomic<Int>(0)
    private let answer: @Sendable ([StoreValue]) -> [StoreRow]

    init(answer: @escaping @Sendable ([StoreValue]) -> [StoreRow]) {
        self.answer = answer
    }

    /// Statements started so far.
    var runs: Int { started.load(ordering: .relaxed) }
    /// Statements started and not finished.
    var running: Int { held.withLock { $0.count } }
    /// The values bound to each statement running, oldest first.
    var runningValues: [[StoreValue]] { held.withLock { $0.map(\.values) } }
    var runningSQL: [String] { held.withLock { $0.map(\.sql) } }

    func run(_ sql: String, _ values: [StoreValue]) async throws -> [StoreRow] {
        let id = started.add(1, ordering: .relaxed).newValue
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                held.withLock { $0.append(Held(id: id, sql: sql, values: values, finish: continuation)) }
                if Task.isCancelled { cancel(id) }
            }
        } onCancel: {
            cancel(id)
        }
    }

    private func cancel(_ id: Int) {
        let cancelled = held.withLock { held in held.firstIndex { $0.id == id }.map { held.remove(at: $0) } }
        cancelled?.finish.resume(throwing: CancellationError())
    }

    /// Finishes the oldest held statement with its rows, or fails it with `error`.
    func finishOldest(failing error: (any Error)? = nil) {
        let oldest = held.withLock { $0.removeFirst() }
        if let error { oldest.finish.resume(throwing: error) } else { oldest.finish.resume(returning: answer(oldest.values)) }
    }
}
