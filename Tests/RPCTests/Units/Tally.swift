import Synchronization

/// A count that any task or event loop may add to: how many times a clean-up ran, a timer
/// went off, an admission succeeded.
final class Tally: Sendable {
    private let value = Atomic(0)
    func add() { value.add(1, ordering: .relaxed) }
    var total: Int { value.load(ordering: .relaxed) }
}
