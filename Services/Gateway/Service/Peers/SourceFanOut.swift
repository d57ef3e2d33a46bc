import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC

/// How one source answered for one date: its reading, or why there is none.
struct SourceOutcome: Sendable {
    var service: String
    var result: Result<SourceReading, SourceFailure>
    var latency: Duration
}

/// How one source answered a fan-out: a reading for each date asked, or why there are none.
struct SourceAnswer: Sendable {
    var service: String
    var result: Result<[SourceReading], SourceFailure>
    var latency: Duration

    /// The outcome on the question's `index`th date (``SourceQuestion/dates``).
    func outcome(onDate index: Int) -> SourceOutcome {
        SourceOutcome(service: service, result: result.map { $0[index] }, latency: latency)
    }
}

struct SourceFailure: Error, Sendable, Equatable {
    var reason: String
}

/// Asks every source at once and returns by the deadline whatever happened: a source that
/// is down, refuses, or hangs becomes a failure with its reason, never a delay for the rest.
struct SourceFanOut: Sendable {
    let sources: [any IndicatorSource]

    /// The source's own calls carry the deadline; ``TimeLimit/runEach(_:count:_:)`` makes sure
    /// a source that ignores it (a connection stuck in its handshake) still cannot hold the
    /// answer back.
    func ask(_ question: SourceQuestion, within budget: Duration) async -> [SourceAnswer] {
        let clock = ContinuousClock()
        let start = clock.now
        // The calls' own deadline falls a little before the limit, so their error (with its
        // reason) normally comes first.
        let callBudget = max(budget - .milliseconds(10), budget / 2)
        let sources = self.sources
        let outcomes = await TimeLimit.runEach(budget, count: sources.count) { index in
            let result: Result<[SourceReading], any Error>
            do {
                result = .success(try await sources[index].read(question, timeout: callBudget))
            } catch {
                result = .failure(error)
            }
            return (result, latency: clock.now - start)
        }
        let timedOut = clock.now - start
        return zip(sources, outcomes).map { source, outcome in
            let answered = outcome.flatMap { try? $0.get() }
            let result: Result<[SourceReading], SourceFailure>
            switch answered?.0 {
            case .success(let readings)? where readings.count == question.dates.count:
                result = .success(readings)
            case .success(let readings)?:
                result = .failure(SourceFailure(reason: Messages.Gateway.wrongNumberOfAnswers(asked: question.dates.count, answered: readings.count)
                    .text(in: question.language)))
            case .failure(let error)?:
                result = .failure(SourceFailure(reason: Self.describe(error, budget: budget, in: question.language)))
            case nil:
                result = .failure(SourceFailure(reason: Messages.Gateway.noAnswerWithin(milliseconds: budget.milliseconds).text(in: question.language)))
            }
            return SourceAnswer(service: source.service, result: result, latency: answered?.latency ?? timedOut)
        }.sorted { $0.service < $1.service }
    }

    private static func describe(_ error: any Error, budget: Duration, in language: Language) -> String {
        if let failure = error as? SourceFailure { return failure.reason }
        guard let rpc = error as? RPCError else { return Messages.Gateway.sourceFailed("\(error)").text(in: language) }
        let reason = switch rpc.code {
        case .deadlineExceeded: Messages.Gateway.noAnswerWithin(milliseconds: budget.milliseconds)
        case .unavailable: Messages.Gateway.sourceUnavailable(rpc.message)
        case .permissionDenied: Messages.Gateway.refusedTheGateway(rpc.message)
        default: Messages.Gateway.sourceFailed(rpc.description)
        }
        return reason.text(in: language)
    }
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    var microseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}
