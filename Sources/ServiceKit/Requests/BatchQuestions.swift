import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsStore

/// The batch forms of the figures calls (`BatchCounts`, `BatchStatistics`): each question is
/// answered exactly as its single call would answer it, the answers in the questions' order,
/// and the first refusal refuses the call — the gateway treats a source as one answer.
public enum BatchQuestions {
    /// Answers `questions` with `answer`, which reads its one-statement figures through the
    /// ``RowReading`` it is handed; more than `limit` is refused naming the field.
    ///
    /// At once where reads overlap (``Store/readsOverlap``, PostgreSQL), their statements
    /// gathered into one a round (``StatementRound``): a busy service shares its time among the
    /// tasks waiting for it, and a batch answered in one task got one share for all its
    /// questions, each a round trip in turn — the gateway's every-county question came back last
    /// and doubled the p99 (BENCHMARKS.md note 23); answered at once, each question's statement
    /// still cost a round trip and its driver work on both sides (note 25). One after another,
    /// each statement by itself, where reads do not overlap (SQLite, reads on the caller's
    /// thread): a task a question only added its cost (note 24).
    ///
    /// `known`: the answers read already (``GroupedCounts``), taken as they are — no task, no
    /// statement.
    ///
    /// Inlinable, as ``concurrently(_:_:)``: compiled in the service's module, for its own
    /// question and answer types, rather than run unspecialised, looking up the generic
    /// metadata at every step (BENCHMARKS.md note 27).
    @inlinable
    public static func answer<Question: Sendable, Answer: Sendable>(
        _ questions: [Question], limit: Int, on store: Store, known: (Question) -> Answer? = { _ in nil },
        _ answer: @escaping @Sendable (Question, any RowReading) async throws -> Answer
    ) async throws -> [Answer] {
        try requireWithinLimit(questions.count, limit: limit)
        var answers = questions.map(known)
        let open = answers.indices.filter { answers[$0] == nil }
        if open.count == questions.count { return try await answerEach(questions, on: store, answer) }
        for (index, answered) in zip(open, try await answerEach(open.map { questions[$0] }, on: store, answer)) {
            answers[index] = answered
        }
        return answers.compactMap { $0 }
    }

    /// The counties of a batch's questions, grouped by what else the questions share (`key`:
    /// that and the county, nil for a question not to group): each group of two or more distinct
    /// counties, sorted — what one statement grouped by county can read (``GroupedCounts``).
    /// None where reads do not overlap (SQLite: ``GroupedCounts`` says why), for a single
    /// question, or for a batch over `limit` (refused before anything is read).
    @inlinable
    public static func countyGroups<Question, Shared: Hashable>(
        _ questions: [Question], limit: Int, on store: Store, _ key: (Question) -> (shared: Shared, county: Int32)?
    ) -> [(shared: Shared, counties: [Int32])] {
        guard store.readsOverlap, questions.count > 1, questions.count <= limit else { return [] }
        var groups: [Shared: Set<Int32>] = [:]
        for question in questions {
            guard let (shared, county) = key(question) else { continue }
            groups[shared, default: []].insert(county)
        }
        return groups.filter { $0.value.count > 1 }.map { ($0.key, $0.value.sorted()) }
    }

    /// Refuses a batch of more than `limit` questions, naming the field.
    @usableFromInline
    static func requireWithinLimit(_ count: Int, limit: Int) throws(RuleViolation) {
        guard count <= limit else {
            throw RuleViolation(field: "requests", reason: Messages.Refusals.tooManyQuestions(count, limit: limit))
        }
    }

    @inlinable
    static func answerEach<Question: Sendable, Answer: Sendable>(
        _ questions: [Question], on store: Store,
        _ answer: @escaping @Sendable (Question, any RowReading) async throws -> Answer
    ) async throws -> [Answer] {
        guard store.readsOverlap, questions.count > 1 else {
            var answers: [Answer] = []
            answers.reserveCapacity(questions.count)
            for question in questions { answers.append(try await answer(question, store)) }
            return answers
        }
        let round = StatementRound(on: store, questions: questions.count)
        return try await concurrently(questions) { question in
            do {
                let answered = try await answer(question, round)
                await round.leave()
                return answered
            } catch {
                await round.leave()
                throw error
            }
        }
    }

    /// `answer` to every question at once, the answers in the questions' order; the first error
    /// cancels the rest and is thrown.
    @inlinable
    public static func concurrently<Question: Sendable, Answer: Sendable>(
        _ questions: [Question], _ answer: @escaping @Sendable (Question) async throws -> Answer
    ) async throws -> [Answer] {
        if questions.count == 1 { return [try await answer(questions[0])] }
        return try await withThrowingTaskGroup(of: (Int, Answer).self) { group in
            for (index, question) in questions.enumerated() {
                group.addTask { (index, try await answer(question)) }
            }
            var answers = [Answer?](repeating: nil, count: questions.count)
            for try await (index, answer) in group { answers[index] = answer }
            return answers.compactMap { $0 }
        }
    }
}
