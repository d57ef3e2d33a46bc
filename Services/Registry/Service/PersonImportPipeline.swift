import JCSkillsStore

/// Gathers an import's validated rows into large transactions and writes each while the next
/// rows are read and validated.
///
/// A client batch (500 rows) per transaction made every commit rewrite hundreds of random
/// blind-index pages for few rows, and reading, validating and writing took turns on one core.
/// Nothing is acknowledged before the import's single answer, so the server may commit in
/// units of its own choosing: a failed import is retried whole, and a retry skips what is in.
struct PersonImportPipeline {
    /// Rows per transaction.
    static let transactionRows = 5_000

    let persons: PersonRepository
    let context: AuditContext
    private var pending: [(line: UInt32, person: ValidatedPerson)] = []
    private var writing: Task<PersonRepository.BatchOutcome, any Error>?

    init(persons: PersonRepository, context: AuditContext) {
        self.persons = persons
        self.context = context
    }

    /// Queues `rows`; returns the outcome of the transaction that finished to make room, if any.
    mutating func add(_ rows: [(line: UInt32, person: ValidatedPerson)]) async throws -> PersonRepository.BatchOutcome? {
        pending += rows
        guard pending.count >= Self.transactionRows else { return nil }
        // One transaction in flight: the next waits here, so memory stays bounded.
        let previous = try await writing?.value
        let batch = pending
        pending = []
        let persons = persons
        let context = context
        writing = Task { try await persons.registerBatch(batch, context: context) }
        return previous
    }

    /// Writes what is left and returns the outcomes not yet returned.
    mutating func finish() async throws -> [PersonRepository.BatchOutcome] {
        var outcomes: [PersonRepository.BatchOutcome] = []
        if let writing {
            outcomes.append(try await writing.value)
            self.writing = nil
        }
        if !pending.isEmpty {
            outcomes.append(try await persons.registerBatch(pending, context: context))
            pending = []
        }
        return outcomes
    }

    /// Stops the transaction in flight (it rolls back) when the import fails.
    func cancel() {
        writing?.cancel()
    }
}
