import JCSkillsMessages
import JCSkillsProtocol

/// The batch forms of the figures calls (`BatchCounts`, `BatchStatistics`): each question is
/// answered exactly as its single call would answer it, the answers in the questions' order,
/// and the first refusal refuses the call — the gateway treats a source as one answer.
public enum BatchQuestions {
    /// Answers `questions` with `answer`, all at once; more than `limit` is refused naming the field.
    ///
    /// At once rather than one after another: a busy service shares its time among the tasks
    /// waiting for it, and a batch answered in one task got one share for all its questions —
    /// the gateway's every-county question (sixteen) came back last, and set its p99
    /// (BENCHMARKS.md note 23).
    public static func answer<Question: Sendable, Answer: Sendable>(
        _ questions: [Question], limit: Int, _ answer: @escaping @Sendable (Question) async throws -> Answer
    ) async throws -> [Answer] {
        guard questions.count <= limit else {
            throw RuleViolation(field: "requests", reason: Messages.Refusals.tooManyQuestions(questions.count, limit: limit))
        }
        return try await concurrently(questions, answer)
    }

    /// `answer` to every question at once, the answers in the questions' order; the first error
    /// cancels the rest and is thrown.
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
