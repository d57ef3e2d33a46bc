import Foundation
import JCSkillsMessages
import JCSkillsProtocol
import JCSkillsRPC
import JCSkillsServiceKit

/// Answers a totals question: from the short cache, or by asking every source at once within
/// the time left and composing what came back.
struct TotalsEngine: Sendable {
    let composer: TotalsComposer
    let fanOut: SourceFanOut
    let cache: TotalsCache
    let lastKnown: LastKnownValues
    /// The longest the sources are given when the caller sets no shorter deadline.
    let sourceDeadline: Duration
    let clock: @Sendable () -> Date
    /// Called with every fresh answer about the city today (the dashboard's history).
    var onFreshCityTotals: @Sendable (Totals) async -> Void = { _ in }

    /// Time kept back from the caller's deadline to compose and send the answer: a tenth of
    /// it, at least 25 ms and at most 200 ms.
    static func answerMargin(_ remaining: Duration) -> Duration {
        min(max(remaining / 10, .milliseconds(25)), .milliseconds(200))
    }

    /// The answer the cache holds for `request`, when the caller allows one: it needs no waiting,
    /// so the server gives it on the connection's event loop, with no task
    /// (GatewayRPCService.swift). nil when the sources must be asked.
    func cachedTotals(_ request: TotalsRequest, language: Language = .caller) throws -> Totals? {
        guard !request.fresh else { return nil }
        return cached(try Question(request, today: try today(), language: language))
    }

    private func cached(_ asked: Question) -> Totals? {
        guard var totals = cache.lookup(asked.key) else { return nil }
        totals.cached = true
        return totals
    }

    /// `language`: what the reasons for a missing value are written in; by default the RPC
    /// caller's (English outside a call).
    func totals(_ request: TotalsRequest, callerDeadline: Duration? = nil, language: Language = .caller) async throws -> Totals {
        let today = try today()
        let asked = try Question(request, today: today, language: language)
        let (asOf, year, scopes) = (asked.asOf, asked.year, asked.scopes)
        if !request.fresh, let cached = cached(asked) { return cached }

        var budget = sourceDeadline
        if let callerDeadline { budget = min(budget, callerDeadline - Self.answerMargin(callerDeadline)) }
        guard budget > .zero else { throw RPCError(.deadlineExceeded, Messages.Gateway.noTimeForSources) }

        // The planning window's first date is read in the same calls (``PlanningAid``).
        let question = SourceQuestion(scopes: scopes, asOf: asOf, earlier: PlanningAid.windowStart(asOf: asOf),
                                      year: year, today: today, language: language)
        let answers = await fanOut.ask(question, within: budget)
        let outcomes = answers.map { $0.outcome(onDate: 0) }
        let earlierOutcomes = question.earlier == nil ? nil : answers.map { $0.outcome(onDate: 1) }
        var inputs = TotalsComposer.Inputs(question: question, outcomes: outcomes) { scope, indicator in
            lastKnown.entry(scope: scope, asOf: asOf.yyyymmdd, year: year, indicator: indicator)
        }
        inputs.earlierOutcomes = earlierOutcomes
        var totals = Totals()
        totals.asOf = asOf.yyyymmdd
        totals.year = year
        totals.scope = composer.scope(scopes[0], inputs)
        if request.county == TotalsRequest.everyCounty {
            totals.counties = scopes.dropFirst().map { composer.scope($0, inputs) }
        }
        totals.sources = outcomes.map { outcome in
            var state = SourceState()
            state.service = outcome.service
            state.latencyMicros = outcome.latency.microseconds
            switch outcome.result {
            case .success: state.available = true
            case .failure(let failure): state.reason = failure.reason
            }
            return state
        }
        // Partial means a source did not answer; an indicator a source cannot give for a past
        // date (a county's registrations) is unavailable without making the answer partial.
        totals.partial = totals.sources.contains { !$0.available }
        totals.generatedMs = Int64(clock().timeIntervalSince1970 * 1000)
        for scope in [totals.scope] + totals.counties {
            lastKnown.record(scope, asOf: asOf.yyyymmdd, year: year)
        }
        cache.store(totals, for: asked.key)
        if scopes[0] == 0, asOf == today { await onFreshCityTotals(totals) }
        return totals
    }

    private func today() throws -> CalendarDate {
        guard let today = CalendarDate(unixMilliseconds: Int64(clock().timeIntervalSince1970 * 1000)) else {
            throw RPCError(.internal, "the gateway's clock is out of range")
        }
        return today
    }

    /// What a request asks, checked: the date, the year, the scopes, and the cache's key for it.
    private struct Question {
        let asOf: CalendarDate
        let year: Int32
        let scopes: [Int32]
        let key: TotalsCache.Key

        init(_ request: TotalsRequest, today: CalendarDate, language: Language) throws {
            asOf = try Self.date(request.asOf, default: today)
            year = request.year == 0 ? Int32(asOf.year) : request.year
            guard (1900...2999).contains(year) else { throw RPCError(.invalidArgument, Messages.Gateway.yearOutOfRange(year)) }
            switch request.county {
            case 0: scopes = [0]
            case TotalsRequest.everyCounty: scopes = [0] + JinchengDivisions.countyCodes
            case let county where JinchengDivisions.isJinchengCounty(county): scopes = [county]
            default: throw RPCError(.invalidArgument, Messages.Gateway.notACounty(request.county))
            }
            key = TotalsCache.Key(county: request.county, asOf: asOf.yyyymmdd, year: year, language: language)
        }

        private static func date(_ yyyymmdd: Int32, default today: CalendarDate) throws -> CalendarDate {
            if yyyymmdd == 0 { return today }
            guard let date = CalendarDate(yyyymmdd: yyyymmdd) else {
                throw RPCError(.invalidArgument, Messages.Gateway.asOfNotADate(yyyymmdd))
            }
            return date
        }
    }
}
