import JCSkillsMessages
import JCSkillsProtocol

/// The batch forms of the figures calls (`BatchCounts`, `BatchStatistics`): each question is
/// answered in order exactly as its single call would answer it, one after the other in the
/// one call, and the first refusal refuses the call — the gateway treats a source as one answer.
public enum BatchQuestions {
    /// Answers `questions` in order with `answer`; more than `limit` is refused naming the field.
    public static func answer<Question: Sendable, Answer>(
        _ questions: [Question], limit: Int, _ answer: (Question) async throws -> Answer
    ) async throws -> [Answer] {
        guard questions.count <= limit else {
            throw RuleViolation(field: "requests", reason: Messages.Refusals.tooManyQuestions(questions.count, limit: limit))
        }
        var answers: [Answer] = []
        answers.reserveCapacity(questions.count)
        for question in questions { answers.append(try await answer(question)) }
        return answers
    }
}
