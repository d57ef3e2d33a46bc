import JCSkillsProtocol
import JCSkillsRPC

/// Serves `Totals` and `Watch` (``GatewayAccess``: any identified caller).
struct GatewayRPCService: RPCService {
    let engine: TotalsEngine
    /// How often `Watch` asks the sources when the caller does not say.
    let watchInterval: Duration

    /// Watchers may not make the gateway poll the sources faster than this.
    static let shortestWatchInterval: Duration = .milliseconds(100)

    func register(in router: inout RPCRouter) {
        // An answer the cache holds is given at once, without a task; the rest ask the sources.
        router.unary(GatewayService.totals, policy: GatewayAccess.readTotals) { request, _ in
            try engine.cachedTotals(request)
        } otherwise: { request, context in
            try await totals(request, context)
        }
        router.serverStreaming(GatewayService.watch, policy: GatewayAccess.readTotals) { request, writer, context in
            try await watch(request, writer, context)
        }
    }

    private func totals(_ request: TotalsRequest, _ context: ServerContext) async throws -> Totals {
        try await engine.totals(request, callerDeadline: context.timeRemaining)
    }

    /// Sends the totals, then again whenever a value changes, and at least every heartbeat;
    /// runs until the caller cancels or its deadline passes.
    private func watch(_ request: WatchRequest, _ writer: ResponseWriter<Totals>, _ context: ServerContext) async throws {
        let interval = request.intervalMs > 0 ? max(.milliseconds(Int64(request.intervalMs)), Self.shortestWatchInterval) : watchInterval
        let heartbeat: Duration? = request.heartbeatSeconds > 0 ? .seconds(Int64(request.heartbeatSeconds)) : nil
        var question = request.totals
        question.fresh = true
        var lastSent: Totals?
        var lastSentAt = ContinuousClock.now
        while !Task.isCancelled {
            let totals = try await engine.totals(question, callerDeadline: min(context.timeRemaining ?? interval * 2, interval * 2))
            let due = heartbeat.map { ContinuousClock.now - lastSentAt >= $0 } ?? false
            if lastSent.map({ !$0.sameValues(as: totals) }) ?? true || due {
                try await writer.send(totals)
                lastSent = totals
                lastSentAt = .now
            }
            try await Task.sleep(for: interval)
        }
    }
}

extension Totals {
    /// Whether two answers say the same thing, ignoring when they were made and how long the
    /// sources took.
    func sameValues(as other: Totals) -> Bool {
        func values(_ totals: Totals) -> [[IndicatorValue]] {
            ([totals.scope] + totals.counties).map { $0.indicators.map { var v = $0; v.dataTimeMs = 0; return v } }
        }
        return asOf == other.asOf && year == other.year && partial == other.partial && values(self) == values(other)
    }
}
