import JCSkillsProtocol

/// Computes a ``PlanSeries`` by asking the engine for the city's totals as of each date the
/// lines need, a few dates at a time: every date is a round of calls to every source (two, with
/// the planning window), and the sources also serve the city's own users.
struct PlanSeriesBuilder: Sendable {
    let engine: TotalsEngine
    /// The most totals computed at once.
    var concurrency = 4

    /// The engine's own today, so the series ends where the page's values are.
    func today() -> CalendarDate? {
        CalendarDate(unixMilliseconds: Int64(engine.clock().timeIntervalSince1970 * 1000))
    }

    func build(asOf: CalendarDate) async -> PlanSeries {
        let catalogue = engine.composer.catalogue
        let lines = catalogue.indicators.map { ($0.key, PlanSeries.line(for: $0, asOf: asOf)) }
        let wanted = Set(lines.flatMap { $0.1.dates }).sorted()
        let answers = await values(at: wanted)
        var series = PlanSeries(asOf: asOf.yyyymmdd, byIndicator: [:])
        for (key, line) in lines {
            var points = line.declared.map { [PlanSeries.Point(date: line.start.yyyymmdd, value: $0)] } ?? []
            points += line.dates.map { PlanSeries.Point(date: $0.yyyymmdd, value: answers[$0]?[key]) }
            series.byIndicator[key] = points
        }
        return series
    }

    /// The available city values per date; a date whose totals failed is missing altogether.
    private func values(at dates: [CalendarDate]) async -> [CalendarDate: [String: Double]] {
        await withTaskGroup(of: (CalendarDate, [String: Double]?).self) { group in
            var pending = dates[...]
            func startNext() {
                guard let date = pending.popFirst() else { return }
                group.addTask {
                    guard let totals = try? await engine.totals(TotalsRequest(asOf: date.yyyymmdd)) else { return (date, nil) }
                    var values: [String: Double] = [:]
                    for indicator in totals.scope.indicators where indicator.status != .unavailable {
                        values[indicator.key] = indicator.value
                    }
                    return (date, values)
                }
            }
            for _ in 0..<max(1, concurrency) { startNext() }
            var out: [CalendarDate: [String: Double]] = [:]
            for await (date, values) in group {
                if let values { out[date] = values }
                startNext()
            }
            return out
        }
    }
}
